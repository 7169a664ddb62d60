using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Storage;

/// <summary>Section `Retention`: how long handled requests and delivered messages are kept.</summary>
public sealed class RetentionSettings
{
    /// <summary>Platforms retry within minutes; a week recognises any retry, with room to spare.</summary>
    public TimeSpan Handled { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Delivered messages and their delivery marks: long enough to look back on what was sent.</summary>
    public TimeSpan Delivered { get; set; } = TimeSpan.FromDays(30);

    public IEnumerable<string> Problems()
    {
        if (Handled < TimeSpan.FromDays(1)) yield return "Retention:Handled must be at least a day, or a platform's retry could run a command twice.";
        if (Delivered < TimeSpan.FromDays(1)) yield return "Retention:Delivered must be at least a day, or a retried delivery could be sent twice.";
    }
}

/// <summary>
/// The nightly clean-up (03:00 UTC) of what <see cref="ExpiredRows"/> deletes. A reminder like any
/// other, so a restart neither skips nor repeats it; a backlog larger than a batch runs again a minute later.
/// </summary>
public sealed class Housekeeping(RetentionSettings settings) : IReminderHandler
{
    public const string Due = "storage.retention";
    public const string Key = "rhythm/storage/retention";
    public const int Batch = 5000;

    public IReadOnlyCollection<string> Kinds { get; } = [Due];

    public Task EnsureScheduledAsync(UnitOfWork unit) => unit.Reminders.EnsurePendingAsync(Nightly(unit.Now));

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        var deleted = await new ExpiredRows(unit).DeleteAsync(unit.Now - settings.Handled, unit.Now - settings.Delivered, Batch);
        await unit.Reminders.ScheduleAsync(deleted >= Batch ? new Reminder(Key, Due, "storage", unit.Now.AddMinutes(1)) : Nightly(unit.Now));
    }

    private static Reminder Nightly(DateTimeOffset after)
    {
        var tonight = new DateTimeOffset(after.UtcDateTime.Date.AddHours(3), TimeSpan.Zero);
        return new Reminder(Key, Due, "storage", tonight > after ? tonight : tonight.AddDays(1));
    }
}
