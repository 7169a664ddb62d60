using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.Reports;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Spend;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// At start-up: puts the KPI definition changes and ownership amendments already in force back, and sets the
/// rhythm's recurring reminders (scoreboard, risk review, rollback drills, board packet, scale readout, nightly clean-up, the compliance sweep, weekly post and dry run, the spend anomaly check, the ownership audit, the trust ledger) if the database has none pending (a new install).
/// </summary>
public sealed class RhythmStartup(Store store, ScoreboardReminders reminders, RiskReminders risks, Drills drills, KpiService changes, ReportDrafts reports, Housekeeping housekeeping,
    ComplianceReminders compliance, SpendReminders spend, OwnershipService ownership, OwnershipReminders audits, TaskReminders tasks) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await changes.ReapplyAsync();
        await ownership.ReapplyAsync();
        await store.WriteAsync(async unit =>
        {
            await reminders.EnsureScheduledAsync(unit);
            await risks.EnsureScheduledAsync(unit);
            await drills.EnsureScheduledAsync(unit);
            await reports.EnsureScheduledAsync(unit);
            await housekeeping.EnsureScheduledAsync(unit);
            await compliance.EnsureScheduledAsync(unit);
            await spend.EnsureScheduledAsync(unit);
            await audits.EnsureScheduledAsync(unit);
            await tasks.EnsureScheduledAsync(unit);
            return true;
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
