using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Incidents;

/// <summary>Read-only questions about incidents: lists, timelines and the monthly trend report (seed §6).</summary>
public sealed class IncidentQueries(Store store, IncidentService incidents)
{
    public async Task<IReadOnlyList<Incident>> ListAsync(bool includeClosed)
    {
        await using var unit = await store.BeginAsync();
        var all = await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind);
        return all.Select(s => incidents.Wrap(s, unit.Now))
            .Where(i => includeClosed || i.Data.IsOpen)
            .OrderBy(i => i.Data.Severity).ThenBy(i => i.Data.Number).ToList();
    }

    public async Task<(Incident Incident, IReadOnlyList<TimelineEntry> Timeline)> TimelineAsync(string id)
    {
        await using var unit = await store.BeginAsync();
        var incident = await incidents.LoadAsync(unit, id);
        return (incident, await unit.Timeline.ListAsync(incident.Id));
    }

    /// <summary>Root-cause categories seen at least twice among incidents resolved in the last 90 days.</summary>
    public async Task<IReadOnlyList<RepeatOffender>> RepeatOffendersAsync()
    {
        var all = await ListAsync(includeClosed: true);
        var since = store.Clock.GetUtcNow().AddDays(-IncidentService.RepeatWindowDays);
        return all.Where(i => i.Data.ResolvedAt >= since && i.Data.Postmortem?.RootCause is not null)
            .GroupBy(i => i.Data.Postmortem!.RootCause!)
            .Where(g => g.Count() >= 2)
            .Select(g => new RepeatOffender(g.Key, g.Select(i => i.Id).ToList()))
            .OrderByDescending(r => r.Incidents.Count).ThenBy(r => r.RootCause).ToList();
    }

    public async Task<IncidentTrends> TrendsAsync(int year, int month)
    {
        var start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        var inMonth = (await ListAsync(includeClosed: true))
            .Where(i => i.Data.DeclaredAt >= start && i.Data.DeclaredAt < start.AddMonths(1)).ToList();
        var summary = IncidentSummary.Of(inMonth.Select(i => i.Data).ToList());
        return new IncidentTrends(year, month, summary.Total, summary.BySeverity, summary.RecurringCauses, summary.CustomerImpacts);
    }
}

public sealed record RepeatOffender(string RootCause, IReadOnlyList<string> Incidents);

public sealed record SeverityTrend(Severity Severity, int Count, TimeSpan? MedianTimeToResolve);

public sealed record IncidentTrends(int Year, int Month, int Total, IReadOnlyList<SeverityTrend> BySeverity, IReadOnlyList<string> RecurringCauses, IReadOnlyList<string> CustomerImpacts);
