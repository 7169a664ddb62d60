using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Spend;

/// <summary>What came of a batch of spend: stored (with its receipt and how many rows came untagged) or refused whole.</summary>
public sealed record SpendOutcome(IntakeReceipt? Receipt, int Untagged, IReadOnlyList<RejectedRow> Rejected);

/// <summary>Stores a checked batch of spend in one transaction, or none of it.</summary>
public sealed class SpendService(Store store, SpendIntake intake, SpendSettings settings, SpendOwners owners)
{
    public async Task<SpendOutcome> IngestAsync(IReadOnlyList<SpendInput?> batch)
    {
        var (lines, rejected) = intake.Check(batch, store.Clock.GetUtcNow());
        if (rejected.Count > 0) return new SpendOutcome(null, 0, rejected);
        var receipt = await store.WriteAsync(unit => unit.Spend.StoreAsync(lines));
        return new SpendOutcome(receipt, lines.Count(l => l.IsUntagged), []);
    }

    /// <summary>Stores a checked batch of usage counts in one transaction, or none of it.</summary>
    public async Task<(IntakeReceipt? Receipt, IReadOnlyList<RejectedRow> Rejected)> IngestUsageAsync(IReadOnlyList<UsageInput?> batch)
    {
        var (counts, rejected) = intake.CheckUsage(batch, store.Clock.GetUtcNow());
        if (rejected.Count > 0) return (null, rejected);
        return (await store.WriteAsync(unit => unit.Usage.StoreAsync(counts)), []);
    }

    public Task<IReadOnlyList<SpendLine>> BetweenAsync(DateOnly from, DateOnly to) => store.ReadAsync(scope => scope.Spend.BetweenAsync(from, to));

    /// <summary>The last <paramref name="days"/> days to yesterday (today's exports are still arriving), against the same number before.</summary>
    public Task<SpendReport> ReportAsync(int days) => store.ReadAsync(async scope =>
    {
        var to = DateOnly.FromDateTime(scope.Now.UtcDateTime).AddDays(-1);
        var from = to.AddDays(1 - days);
        return SpendReport.Of(await scope.Spend.PeriodsAsync(from.AddDays(-days), from, to), from, to);
    });

    /// <summary>Each budget's month to yesterday.</summary>
    public Task<IReadOnlyList<BudgetStanding>> BudgetsAsync() => store.ReadAsync<IReadOnlyList<BudgetStanding>>(async scope =>
    {
        var through = DateOnly.FromDateTime(scope.Now.UtcDateTime).AddDays(-1);
        var month = await scope.Spend.TotalsAsync(new DateOnly(through.Year, through.Month, 1), through);
        return settings.Budgets.Select(b => BudgetStanding.Of(b, month, through)).ToList();
    });

    /// <summary>Expired non-prod spend billed in the last <see cref="ExpiredLookback"/> days.</summary>
    public Task<IReadOnlyList<ExpiredSpend>> ExpiredAsync() => store.ReadAsync(async scope =>
    {
        var today = DateOnly.FromDateTime(scope.Now.UtcDateTime);
        return SpendReport.Expired(await scope.Spend.ExpiredAsync(today.AddDays(-ExpiredLookback), today));
    });

    /// <summary>Records a saving, for its service's owner, the FinOps lead, execs and admins; audited with its id.</summary>
    public async Task<SpendSaving> RecordSavingAsync(Actor actor, RecordSaving request)
    {
        if (actor.Id != owners.OfService(request.Service) && actor.Id != settings.FinOpsLead && !actor.Has(Roles.Exec) && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden,
                $"Savings on {request.Service} are recorded by its owner ({owners.OfService(request.Service)}), the FinOps lead, execs or admins; you ({actor.Name}) are none of them.", request.Service);
        return await store.WriteAsync(async unit =>
        {
            var saving = new SpendSaving($"SAV-{await unit.Counters.NextAsync(SpendSaving.Kind)}", request.What, request.Monthly, request.Service, request.Evidence, actor.Id, unit.Now);
            await unit.Aggregates.InsertAsync(SpendSaving.Kind, saving.Id, "recorded", saving);
            await unit.AuditAsync(saving.Id);
            return saving;
        });
    }

    /// <summary>The savings recorded from <paramref name="from"/> up to, not including, <paramref name="to"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<SpendSaving>> SavingsAsync(AggregateRows aggregates, DateTimeOffset from, DateTimeOffset to) =>
        (await aggregates.ListAsync<SpendSaving>(SpendSaving.Kind)).Select(s => s.Body).Where(s => s.At >= from && s.At < to).OrderBy(s => s.At).ToList();

    public Task<IReadOnlyList<SpendSaving>> SavingsThisMonthAsync() => store.ReadAsync(scope =>
    {
        var month = new DateTimeOffset(scope.Now.Year, scope.Now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return SavingsAsync(scope.Aggregates, month, month.AddMonths(1));
    });

    /// <summary>How far back expired non-prod spend is looked for: a line not billed for a week is taken as torn down.</summary>
    public const int ExpiredLookback = 7;
}
