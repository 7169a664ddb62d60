using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Changes;

/// <summary>One week of delivery for a service, a team or the company.</summary>
public sealed record WeekStats(IsoWeek Week, int Finished, int Failed, decimal? FailureRate, TimeSpan? MedianLeadTime, int Deployments);

/// <summary>
/// DORA's measures from the envelopes (seed §1 and §5). Change failure rate is failed ÷ finished
/// Tier 0/1 changes in the week, failed meaning rolled back, failed, hotfixed or linked to a Sev1/2.
/// Lead time is the median from first commit to completion. Deployment frequency counts completed
/// changes of every tier.
/// </summary>
public static class ChangeStats
{
    public static WeekStats For(IReadOnlyList<ChangeData> changes, IsoWeek week)
    {
        var inWeek = changes.Where(c => c.FinishedAt is { } at && at >= week.Start && at < week.End).ToList();
        var critical = inWeek.Where(c => c.Tier <= 1).ToList();
        var failed = critical.Count(c => c.Failed);
        var leadTimes = inWeek.Where(c => c.IsCompleted && c.FirstCommitAt is not null)
            .Select(c => c.FinishedAt!.Value - c.FirstCommitAt!.Value).Order().ToList();
        return new WeekStats(week, critical.Count, failed, critical.Count == 0 ? null : Math.Round(100m * failed / critical.Count, 1),
            Median(leadTimes), inWeek.Count(c => c.IsCompleted));
    }

    private static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    };
}
