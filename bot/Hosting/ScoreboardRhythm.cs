using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Hosting;

/// <summary>Sets the scoreboard's recurring reminders at start-up if the database has none pending (a new install).</summary>
public sealed class ScoreboardRhythm(Store store, ScoreboardReminders reminders) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        store.WriteAsync(async unit => { await reminders.EnsureScheduledAsync(unit); return true; }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
