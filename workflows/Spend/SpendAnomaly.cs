namespace ExecOps.Workflows.Spend;

/// <summary>A day's spend on a service far outside its recent history, with what the rule saw.</summary>
public sealed record SpendAnomaly(string Service, DateOnly Day, decimal Amount, decimal Median, decimal Spread, int HistoryDays);

/// <summary>
/// The anomaly rule, stated so anyone can check it: a service's day is an anomaly when it exceeds the median of its
/// previous <c>window</c> days by more than <c>threshold</c> robust standard deviations (1.4826 × the median absolute
/// deviation, MAD) and by at least <c>minDelta</c>, with at least <c>minHistory</c> days of history. Median and MAD
/// ignore the odd spike in the history itself, and need no training; the floor keeps a flat, tiny service from
/// alarming on cents.
/// </summary>
public static class SpendAnomalyRule
{
    public const decimal MadToDeviation = 1.4826m;

    /// <param name="history">The service's total per day for the days before <paramref name="day"/>; days with no spend count as 0.</param>
    public static SpendAnomaly? Check(string service, DateOnly day, decimal amount, IReadOnlyList<decimal> history, decimal threshold, decimal minDelta, int minHistory)
    {
        if (history.Count < minHistory) return null;
        var median = Median(history);
        var spread = MadToDeviation * Median(history.Select(h => Math.Abs(h - median)).ToList());
        var delta = amount - median;
        return delta >= minDelta && delta > threshold * spread ? new SpendAnomaly(service, day, amount, median, spread, history.Count) : null;
    }

    private static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
