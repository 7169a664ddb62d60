using System.Globalization;
using ExecOps.Workflows.Changes;

namespace ExecOps.Cards.Changes;

/// <summary>`/change stats`: change failure rate, lead time and deployments, week by week.</summary>
public static class ChangeStatsCard
{
    public static Card Build(string scope, IReadOnlyList<WeekStats> weeks) =>
        new($"Delivery · {scope}", [new ListBlock(weeks.Select(w =>
            $"{w.Week}: change failure rate {(w.FailureRate is { } r ? $"{r.ToString("0.#", CultureInfo.InvariantCulture)}% ({w.Failed} of {w.Finished} Tier 0/1)" : "n/a (no Tier 0/1 finished)")} · " +
            $"lead time {(w.MedianLeadTime is { } l ? $"{l.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h median" : "n/a")} · {w.Deployments} deployment(s)").ToList())], [])
        {
            Subtitle = "Failed = rolled back, failed, hotfixed or linked to a Sev1/2; lead time from first commit to completion",
        };
}
