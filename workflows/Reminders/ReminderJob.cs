using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ExecOps.Workflows.Reminders;

/// <summary>
/// Fires one reminder: loads it, hands it to its workflow and marks it fired, in one transaction.
/// A trigger left over from before a reschedule finds the reminder not yet due and does nothing; on a
/// database replicas share, each arms every reminder and the one whose claim lands fires it.
/// </summary>
public sealed class ReminderJob(Store store, IEnumerable<IReminderHandler> handlers, ILogger<ReminderJob> logger) : IJob
{
    public const string KeyData = "reminder";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var key = context.MergedJobDataMap.GetString(KeyData)!;
        await FireAsync(key, cancellationToken);
    }

    public async Task<bool> FireAsync(string key, CancellationToken cancel = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var unit = await store.BeginAsync(cancel);
                var reminder = await unit.Reminders.FindPendingAsync(key);
                if (reminder is null || reminder.DueAt > unit.Now) return false;
                var handler = handlers.FirstOrDefault(h => h.Kinds.Contains(reminder.Kind));
                // Marked first, so a handler that sets the same reminder again leaves it pending.
                if (!await unit.Reminders.TryMarkFiredAsync(reminder)) return false;
                if (handler is null) logger.LogWarning("No workflow handles reminders of kind {Kind} ({Key}); marked fired.", reminder.Kind, key);
                else await handler.HandleAsync(unit, reminder);
                await unit.CommitAsync(cancel);
                ReminderMetrics.Fired(reminder.Kind, unit.Now - reminder.DueAt);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                logger.LogInformation("Reminder {Key} met a concurrent change; trying again.", key);
            }
        }
    }
}
