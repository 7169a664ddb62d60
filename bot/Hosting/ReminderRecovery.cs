using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// Re-arms every pending reminder from the database at start-up and then every few minutes. The
/// database is the record of what is owed; Quartz only keeps the time. Arming is idempotent.
/// </summary>
public sealed class ReminderRecovery(Store store, ReminderScheduler scheduler, ILogger<ReminderRecovery> logger) : BackgroundService
{
    public static readonly TimeSpan Sweep = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RearmAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { logger.LogWarning(e, "Re-arming reminders failed; trying again in {Sweep}.", Sweep); }
            try { await Task.Delay(Sweep, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<int> RearmAsync(CancellationToken cancel = default)
    {
        IReadOnlyList<Reminder> pending;
        await using (var unit = await store.BeginAsync(cancel)) pending = await unit.Reminders.PendingAsync();
        var armed = 0;
        foreach (var reminder in pending)
        {
            if (await scheduler.IsArmedAsync(reminder, cancel)) continue;
            await scheduler.ArmAsync(reminder, cancel);
            armed++;
        }
        if (armed > 0) logger.LogInformation("Re-armed {Count} pending reminder(s) of {Total}.", armed, pending.Count);
        return armed;
    }
}
