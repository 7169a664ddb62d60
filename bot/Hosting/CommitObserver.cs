using ExecOps.Bot.Notifications;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// Acts on what a committed unit of work did: arms or disarms reminders in Quartz and wakes the
/// outbox dispatcher. A failure to arm is logged and left to <see cref="ReminderRecovery"/>, because the
/// reminder itself is already safe in the database.
/// </summary>
public sealed class CommitObserver(IServiceProvider services, ILogger<CommitObserver> logger) : IUnitOfWorkObserver
{
    public async Task ReminderScheduledAsync(Reminder reminder)
    {
        try { await services.GetRequiredService<ReminderScheduler>().ArmAsync(reminder); }
        catch (Exception e) { logger.LogWarning(e, "Could not arm reminder {Key}; the recovery sweep will.", reminder.Key); }
    }

    public async Task ReminderCancelledAsync(string key)
    {
        try { await services.GetRequiredService<ReminderScheduler>().DisarmAsync(key); }
        catch (Exception e) { logger.LogWarning(e, "Could not disarm reminder {Key}; when it fires it will find nothing pending.", key); }
    }

    public Task CommittedAsync()
    {
        services.GetService<OutboxDispatcher>()?.Wake();
        return Task.CompletedTask;
    }
}
