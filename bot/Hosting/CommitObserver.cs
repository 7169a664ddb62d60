using System.Threading.Channels;
using ExecOps.Bot.Notifications;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// Acts on what a committed unit of work did: arms or disarms reminders in Quartz and wakes the
/// outbox dispatcher. Arming runs on one background worker, in commit order, so a command is not
/// kept waiting on Quartz's own writes and a later due time is never overtaken by an earlier one.
/// Anything not armed (a failure, a stop) is left to <see cref="ReminderRecovery"/>: the reminder
/// itself is already safe in the database.
/// </summary>
public sealed class CommitObserver : IUnitOfWorkObserver
{
    private readonly Channel<Func<ReminderScheduler, Task>> arming = Channel.CreateUnbounded<Func<ReminderScheduler, Task>>(new() { SingleReader = true });
    private readonly IServiceProvider services;
    private readonly ILogger<CommitObserver> logger;

    public CommitObserver(IServiceProvider services, ILogger<CommitObserver> logger)
    {
        this.services = services;
        this.logger = logger;
        _ = Task.Run(ArmInOrderAsync);
    }

    public Task ReminderScheduledAsync(Reminder reminder) =>
        arming.Writer.WriteAsync(scheduler => scheduler.ArmAsync(reminder)).AsTask();

    public Task ReminderCancelledAsync(string key) =>
        arming.Writer.WriteAsync(scheduler => scheduler.DisarmAsync(key)).AsTask();

    public Task MessagesQueuedAsync()
    {
        services.GetService<OutboxDispatcher>()?.Wake();
        return Task.CompletedTask;
    }

    private async Task ArmInOrderAsync()
    {
        await foreach (var change in arming.Reader.ReadAllAsync())
        {
            try { await change(services.GetRequiredService<ReminderScheduler>()); }
            catch (Exception e) { logger.LogWarning(e, "Could not change a reminder in the scheduler; the recovery sweep will put it right."); }
        }
    }
}
