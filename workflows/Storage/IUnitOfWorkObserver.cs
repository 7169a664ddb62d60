namespace ExecOps.Workflows.Storage;

/// <summary>
/// Told about what a unit of work did once it committed: the scheduler arms reminders, the
/// dispatcher wakes for new outbox rows. Kept to an interface so storage knows neither.
/// </summary>
public interface IUnitOfWorkObserver
{
    Task ReminderScheduledAsync(Reminders.Reminder reminder);

    Task ReminderCancelledAsync(string key);

    /// <summary>A unit that put messages in the outbox has committed.</summary>
    Task MessagesQueuedAsync();
}
