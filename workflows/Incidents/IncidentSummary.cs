namespace ExecOps.Workflows.Incidents;

/// <summary>
/// Incidents declared in a period, summed up the way seed §6's trend report and the board packet
/// read them: how many of each Sev, the median time to resolve (MTTR), the Sev1s by name, root causes
/// seen twice or more, and the customer impact recorded.
/// </summary>
public sealed record IncidentSummary(int Total, IReadOnlyList<SeverityTrend> BySeverity, TimeSpan? Mttr, IReadOnlyList<IncidentData> Sev1s,
    IReadOnlyList<string> RecurringCauses, IReadOnlyList<string> CustomerImpacts, string? Notices = null)
{
    public static IncidentSummary Of(IReadOnlyList<IncidentData> declared)
    {
        var bySeverity = Enum.GetValues<Severity>().Select(severity =>
        {
            var these = declared.Where(i => i.Severity == severity).ToList();
            return new SeverityTrend(severity, these.Count, Median(these));
        }).ToList();
        var causes = declared.Select(i => i.Postmortem?.RootCause).OfType<string>().ToList();
        var recurring = causes.GroupBy(c => c).Where(g => g.Count() >= 2).Select(g => g.Key).OrderBy(c => c).ToList();
        var impacts = declared.Where(i => i.Impact is not null).Select(i => $"{i.Id}: {i.Impact}").ToList();
        var sev1s = declared.Where(i => i.Severity == Severity.Sev1).OrderBy(i => i.DeclaredAt).ToList();
        return new IncidentSummary(declared.Count, bySeverity, Median(declared), sev1s, recurring, impacts,
            declared.Any(i => i.Notices.Count > 0) ? NoticeOutcome.Of(declared) : null);
    }

    private static TimeSpan? Median(IEnumerable<IncidentData> incidents)
    {
        var sorted = incidents.Where(i => i.ResolvedAt is not null).Select(i => i.ResolvedAt!.Value - i.DeclaredAt).OrderBy(v => v).ToList();
        if (sorted.Count == 0) return null;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
