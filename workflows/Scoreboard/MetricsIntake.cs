using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>What came of a batch: stored (with its receipt) or refused whole (with every bad row).</summary>
public sealed record IntakeOutcome(IntakeReceipt? Receipt, IReadOnlyList<RejectedRow> Rejected)
{
    public bool Stored => Receipt is not null;
}

/// <summary>Stores a checked batch of observations in one transaction, or none of it; decisions guarded by those KPIs are checked in the same transaction.</summary>
public sealed class MetricsIntake(Store store, ObservationIntake intake)
{
    /// <summary>A batch loaded from chat: only KPI owners and admins load data there (the API has its own token).</summary>
    public Task<IntakeOutcome> IngestAsync(Actor actor, IReadOnlyList<ObservationInput?> batch) =>
        actor.Has(Roles.KpiOwner) || actor.Has(Roles.Admin) ? IngestAsync(batch)
        : throw new RefusedException(RefusalKind.Forbidden, $"Loading KPI data is for KPI owners and admins; you ({actor.Name}) are neither.");

    public async Task<IntakeOutcome> IngestAsync(IReadOnlyList<ObservationInput?> batch)
    {
        if (batch.Count == 0)
            throw new RefusedException(RefusalKind.Invalid, "The batch has no observations; send at least one.");
        var (rows, rejected) = intake.Check(batch, store.Clock.GetUtcNow());
        if (rejected.Count > 0) return new IntakeOutcome(null, rejected);
        return new IntakeOutcome(await store.WriteAsync(async unit =>
        {
            var receipt = await unit.Observations.StoreAsync(rows);
            await Decisions.DecisionGuardrails.CheckAsync(unit, rows.Select(r => r.Kpi).ToHashSet());
            return receipt;
        }), []);
    }
}
