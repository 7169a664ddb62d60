using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Spend;

/// <summary>One week's mover as the board packet tells it: the week, what moved, and the explanation if there is one yet.</summary>
public sealed record ExplainedMover(string Week, SpendMover Mover);

/// <summary>
/// Spend's part of the monthly board packet (seed §9): each budget's month, the movers of the weeks that began in the month
/// with their explanations, and the savings shipped, whose sum is the "savings dividend" the CEO decides on.
/// </summary>
public sealed record SpendFinances(string Currency, IReadOnlyList<BudgetStanding> Budgets, IReadOnlyList<ExplainedMover> Movers, IReadOnlyList<SpendSaving> Savings, string DividendDecidedBy, string FinOpsLead)
{
    public decimal SavedMonthly => Savings.Sum(s => s.Monthly);

    /// <param name="through">The last day counted: the month's last, or yesterday for a month still running.</param>
    public static async Task<SpendFinances> OfAsync(UnitOfWork unit, DateOnly month, DateOnly through, SpendSettings settings)
    {
        var totals = await unit.Spend.TotalsAsync(month, through);
        var movers = new List<ExplainedMover>();
        for (var week = IsoWeek.Of(new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)); DateOnly.FromDateTime(week.Start.UtcDateTime) < month.AddMonths(1); week = week.Next)
            if (DateOnly.FromDateTime(week.Start.UtcDateTime) >= month && await unit.Aggregates.FindAsync<SpendReviewData>(SpendReview.Kind, week.ToString()) is { } review)
                movers.AddRange(review.Body.Movers.Values.OrderByDescending(m => Math.Abs(m.Row.Change)).Select(m => new ExplainedMover(review.Body.Week, m)));
        var start = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new SpendFinances(settings.Currency, settings.Budgets.Select(b => BudgetStanding.Of(b, totals, through)).ToList(), movers,
            await SpendService.SavingsAsync(unit.Aggregates, start, start.AddMonths(1)), settings.DividendDecidedBy, settings.FinOpsLead);
    }
}
