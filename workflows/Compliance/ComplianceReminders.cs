using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Compliance;

/// <summary>What compliance does when its reminders fall due: the sweep (collect, then assess every control), the weekly post of red controls, the quarterly dry run, exception reminders and expiry, and vendor reviews.</summary>
public sealed class ComplianceReminders(ComplianceService compliance, Vendors vendors, ComplianceSettings settings) : IReminderHandler
{
    public const string Sweep = "compliance.sweep";
    public const string SweepKey = "rhythm/compliance/sweep";
    public const string Weekly = "compliance.weekly";
    public const string WeeklyKey = "rhythm/compliance/weekly";
    public const string DryRun = "compliance.dry-run";
    public const string DryRunKey = "rhythm/compliance/dry-run";
    public const string StatusKind = "compliance-status";

    public IReadOnlyCollection<string> Kinds { get; } = [Sweep, Weekly, DryRun, Control.ExceptionReminder, Control.ExceptionExpiry, Control.DryRunReminder, Vendor.ReviewDue];

    /// <summary>Sets the sweep and the weekly post if they are not pending, e.g. on a new database.</summary>
    public async Task EnsureScheduledAsync(UnitOfWork unit)
    {
        await unit.Reminders.EnsurePendingAsync(settings.SweepSchedule()!.Next(SweepKey, Sweep, "compliance", unit.Now));
        await unit.Reminders.EnsurePendingAsync(settings.WeeklySchedule()!.Next(WeeklyKey, Weekly, "compliance", unit.Now));
        await unit.Reminders.EnsurePendingAsync(settings.DryRunSchedule()!.Next(DryRunKey, DryRun, "compliance", unit.Now));
    }

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        switch (reminder.Kind)
        {
            case Sweep:
                await SweepAsync(unit);
                await unit.Reminders.ScheduleAsync(settings.SweepSchedule()!.Next(SweepKey, Sweep, "compliance", unit.Now));
                return;
            case Weekly:
                await SweepAsync(unit);
                await PostRedAsync(unit);
                await unit.Reminders.ScheduleAsync(settings.WeeklySchedule()!.Next(WeeklyKey, Weekly, "compliance", unit.Now));
                return;
            case DryRun:
                foreach (var definition in compliance.Catalog.Controls)
                {
                    var asked = await compliance.LoadAsync(unit, definition.Id);
                    asked.AskDryRun(Control.QuarterOf(unit.Now, settings.TimeZone));
                    await compliance.SaveAsync(unit, asked);
                }
                await unit.Reminders.ScheduleAsync(settings.DryRunSchedule()!.Next(DryRunKey, DryRun, "compliance", unit.Now));
                return;
        }
        if (reminder.Kind == Vendor.ReviewDue)
        {
            var vendor = await vendors.LoadAsync(unit, reminder.SubjectId);
            vendor.RemindReview();
            await vendors.SaveAsync(unit, vendor);
            return;
        }
        var parts = reminder.SubjectId.Split('/');
        var control = await compliance.LoadAsync(unit, parts[0]);
        int Part(int i) => int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        if (reminder.Kind == Control.DryRunReminder) control.RemindDryRun(parts[1]);
        else if (reminder.Kind == Control.ExceptionReminder) control.RemindException(Part(1), Part(2));
        else control.ExpireException(Part(1));
        await compliance.AssessAsync(unit, control);
        await compliance.SaveAsync(unit, control);
    }

    /// <summary>Collects what the bot's records hold for each control, then brings each control's colour to its evidence.</summary>
    private async Task SweepAsync(UnitOfWork unit)
    {
        foreach (var definition in compliance.Catalog.Controls)
        {
            var control = await compliance.LoadAsync(unit, definition.Id);
            foreach (var evidence in await EvidenceCollector.NewAsync(unit, definition)) await compliance.AppendAsync(unit, control, Actor.System, evidence);
            await compliance.AssessAsync(unit, control);
            if (control.Events.Count > 0) await compliance.SaveAsync(unit, control);
        }
    }

    private async Task PostRedAsync(UnitOfWork unit)
    {
        var red = new List<string>();
        foreach (var definition in compliance.Catalog.Controls)
            if ((await compliance.LoadAsync(unit, definition.Id)).Data.IsRed) red.Add($"{definition.Id} {definition.Title}");
        var day = unit.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(settings.Channel),
            red.Count == 0 ? $"Weekly compliance {day}: no control is red." : $"Weekly compliance {day}: {red.Count} control(s) red: {string.Join("; ", red)}.",
            new Subject(StatusKind, day)));
    }
}
