using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Spend;

/// <summary>What came of a batch of spend: stored (with its receipt and how many rows came untagged) or refused whole.</summary>
public sealed record SpendOutcome(IntakeReceipt? Receipt, int Untagged, IReadOnlyList<RejectedRow> Rejected);

/// <summary>Stores a checked batch of spend in one transaction, or none of it.</summary>
public sealed class SpendService(Store store, SpendIntake intake)
{
    public async Task<SpendOutcome> IngestAsync(IReadOnlyList<SpendInput?> batch)
    {
        var (lines, rejected) = intake.Check(batch, store.Clock.GetUtcNow());
        if (rejected.Count > 0) return new SpendOutcome(null, 0, rejected);
        var receipt = await store.WriteAsync(unit => unit.Spend.StoreAsync(lines));
        return new SpendOutcome(receipt, lines.Count(l => l.IsUntagged), []);
    }

    public Task<IReadOnlyList<SpendLine>> BetweenAsync(DateOnly from, DateOnly to) => store.ReadAsync(scope => scope.Spend.BetweenAsync(from, to));
}
