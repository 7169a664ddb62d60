using ExecOps.Workflows.Changes;

namespace ExecOps.Workflows.Spend;

/// <summary>
/// The week-over-week movers rule: the services and teams whose spend changed most (by amount either way), and which
/// of them must be explained (over both the amount and the share of `Spend:MoverMinDelta` and `Spend:MoverMinPercent`).
/// </summary>
public static class SpendMovers
{
    public static IReadOnlyList<SpendMoverRow> Top(SpendReport week, int count) =>
        Rank(SpendDayTotal.Service, week.Services, count).Concat(Rank(SpendDayTotal.Team, week.Teams, count)).ToList();

    public static bool NeedsExplaining(SpendMoverRow row, SpendSettings settings) =>
        Math.Abs(row.Change) >= settings.MoverMinDelta && (row.Percent is not { } p || Math.Abs(p) >= settings.MoverMinPercent);

    /// <summary>
    /// The change that explains a service's rise: one completed on the service from the day before the week to its end
    /// whose completion day, or the day after, has the service's spend up on the day before by at least
    /// `Spend:AnomalyMinDelta` and `Spend:MoverMinPercent`. The latest such change is the one linked.
    /// </summary>
    /// <param name="lines">The service's lines from the day before the week to its end.</param>
    public static SpendLink? Link(SpendMoverRow row, IReadOnlyList<SpendLine> lines, IEnumerable<ChangeData> completed, DateOnly weekStart, SpendSettings settings)
    {
        if (row.Dimension != SpendDayTotal.Service || row.Change <= 0) return null;
        decimal On(DateOnly day) => lines.Where(l => l.Day == day).Sum(l => l.Amount);
        decimal? Jump(DateOnly day)
        {
            var (before, after) = (On(day.AddDays(-1)), On(day));
            var jump = after - before;
            return day >= weekStart && jump >= settings.AnomalyMinDelta && (before == 0 || jump / before * 100 >= settings.MoverMinPercent) ? jump : null;
        }
        foreach (var change in completed.Where(c => c.Service.Equals(row.Name, StringComparison.OrdinalIgnoreCase) && c.FinishedAt is not null).OrderByDescending(c => c.FinishedAt))
        {
            var finished = DateOnly.FromDateTime(change.FinishedAt!.Value.UtcDateTime);
            foreach (var day in new[] { finished, finished.AddDays(1) })
                if (Jump(day) is { } jump) return new SpendLink(change.Id, change.Title, change.FinishedAt.Value, day, jump);
        }
        return null;
    }

    private static IEnumerable<SpendMoverRow> Rank(string dimension, IReadOnlyList<SpendTotal> totals, int count) => totals
        .Where(t => t.Change != 0).OrderByDescending(t => Math.Abs(t.Change)).ThenBy(t => t.Name).Take(count)
        .Select(t => new SpendMoverRow(dimension, t.Name, t.Now, t.Before));
}
