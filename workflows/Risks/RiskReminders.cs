using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Risks;

/// <summary>What the register does when its reminders fall due: missed mitigations, acceptance expiry, escalation timeouts, the red-risk check and the weekly review.</summary>
public sealed class RiskReminders(RiskService risks, RiskSettings settings) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } =
        [Risk.MitigationDue, Risk.AcceptanceReminder, Risk.AcceptanceExpiry, Risk.EscalationTimeout, Risk.RedCheck, RiskService.WeeklyReview];

    /// <summary>Sets the weekly review if it is not pending, e.g. on a new database.</summary>
    public async Task EnsureScheduledAsync(UnitOfWork unit)
    {
        await unit.Reminders.EnsurePendingAsync(NextReview(unit.Now));
    }

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        if (reminder.Kind == RiskService.WeeklyReview)
        {
            await PostReviewAsync(unit);
            await unit.Reminders.ScheduleAsync(NextReview(unit.Now));
            return;
        }
        var parts = reminder.SubjectId.Split('/');
        var risk = await risks.LoadAsync(unit, parts[0]);
        int Part(int i) => int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        switch (reminder.Kind)
        {
            case Risk.MitigationDue: risk.MissMitigation(Part(1)); break;
            case Risk.AcceptanceReminder: risk.RemindExpiry(Part(1), Part(2)); break;
            case Risk.AcceptanceExpiry: risk.Expire(Part(1)); break;
            case Risk.EscalationTimeout: risk.TimeOut(Part(1)); break;
            default: risk.CheckRed(); break;
        }
        await risks.SaveAsync(unit, risk);
    }

    /// <summary>The agenda to the exec channel with one card per item; stale risks get their owners a follow-up task.</summary>
    private async Task PostReviewAsync(UnitOfWork unit)
    {
        var all = await unit.Aggregates.ListAsync<RiskData>(Risk.Kind);
        foreach (var stored in all)
        {
            var risk = new Risk(stored.Body, stored.Version, settings, unit.Now);
            risk.FlagIfStale();
            if (risk.FollowUps.Count > 0) await risks.SaveAsync(unit, risk);
        }
        var agenda = RiskAgenda.For(all.Select(s => s.Body), DateOnly.FromDateTime(unit.Now.UtcDateTime));
        var day = unit.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(settings.ExecChannel),
            agenda.Count == 0 ? $"Weekly risk review {day}: nothing on the agenda." : $"Weekly risk review {day}: {agenda.Count} risk(s) on the agenda.",
            new Subject(RiskService.ReviewKind, day)));
        foreach (var item in agenda.Take(RiskService.ReviewItems))
            await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(settings.ExecChannel),
                $"{item.Risk.Id} {item.Risk.Title}: {string.Join("; ", item.Reasons)}", new Subject(RiskService.ReviewItemKind, item.Risk.Id)));
    }

    private Reminder NextReview(DateTimeOffset after) => settings.Schedule()!.Next(RiskService.WeeklyReviewKey, RiskService.WeeklyReview, "risks", after);
}
