using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// Re-arms every pending reminder from the database at start-up and then every few minutes. The
/// database is the record of what is owed; Quartz only keeps the time. Arming is idempotent. Where
/// replicas share the database the sweep runs every few seconds, so each replica soon holds the
/// reminders the others set, and the one whose claim lands fires each (<see cref="ReminderJob"/>): when
/// a replica dies, the others already hold its reminders.
/// </summary>
public sealed class ReminderRecovery(Store store, ReminderScheduler scheduler, ILogger<ReminderRecovery> logger) : BackgroundService
{
    public static readonly TimeSpan Sweep = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SharedSweep = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = store.Database.IsShared ? SharedSweep : Sweep;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RearmAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { logger.LogWarning(e, "Re-arming reminders failed; trying again in {Sweep}.", every); }
            try { await Task.Delay(every, stoppingToken); }
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
