using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// Builds the scoreboard for a week and slice from a snapshot of the database, beside the writer:
/// each KPI's value as of the week's end (or now, for the week in progress), its eight-week trend,
/// the markers of those eight weeks, drilldowns and commentary. Reads only what the viewer may see.
/// </summary>
public sealed class ScoreboardQueries(Store store, KpiCatalog catalog)
{
    public Task<ScoreboardSnapshot> SnapshotAsync(Actor viewer, Slice slice, IsoWeek? week = null) =>
        store.ReadAsync(scope => SnapshotAsync(scope, viewer, slice, week ?? IsoWeek.Of(scope.Now).Previous));

    public async Task<ScoreboardSnapshot> SnapshotAsync(ISqlScope scope, Actor viewer, Slice slice, IsoWeek week)
    {
        var now = scope.Now;
        var weeks = Enumerable.Range(0, ScoreboardSnapshot.TrendLength).Select(i => week.Minus(ScoreboardSnapshot.TrendLength - 1 - i)).ToList();
        var observations = new ObservationRows(scope);
        var shown = catalog.Kpis.Where(viewer.CanSee).ToList();
        var ids = shown.Select(k => k.Id).ToList();
        // The week in progress is compared with last week at the same point, not with all of it.
        var inProgress = week.End > now;
        var samePointLastWeek = now.AddDays(-7).AddTicks(1);
        var trends = await observations.AsOfAsync(ids, slice, [.. weeks.Select(w => AsOf(w, now)), samePointLastWeek]);
        var latest = await observations.LatestAsync(ids);
        var review = await ScoreboardService.FindAsync(new AggregateRows(scope), week);
        var lines = shown.Select(kpi =>
        {
            var points = trends[kpi.Id];
            var trend = points.Take(weeks.Count).ToList();
            var value = trend[^1];
            var status = value is { } v && (!kpi.Additive || slice.IsCompany) ? kpi.Thresholds.Rate(v, kpi.Direction) : (KpiStatus?)null;
            return new KpiLine(kpi, value, inProgress ? points[^1] : trend[^2], status, trend, Freshness.Of(kpi, latest[kpi.Id], now), review?.Prompts.GetValueOrDefault(kpi.Id)?.Commentary);
        }).ToList();

        var paths = await observations.PathsAsync();
        var services = ServicesIn(slice, paths);
        var releases = (await new MarkerRows(scope).ReleasesAsync(weeks[0].Start, week.End))
            .Where(r => services is null || services.Contains(r.Service)).ToList();
        var incidents = (await new AggregateRows(scope).CreatedAsync<IncidentData>(Incident.Kind, weeks[0].Start, week.End))
            .Select(s => s.Body)
            .Where(i => services is null || (i.Service is { } service && services.Contains(service.ToLowerInvariant())))
            .OrderBy(i => i.DeclaredAt)
            .Select(i => new IncidentMarker(i.Id, i.Severity, i.Title, i.Service, i.Commander, i.Postmortem?.RootCause, i.DeclaredAt)).ToList();

        return new ScoreboardSnapshot(week, slice, weeks, lines, releases, incidents, Drilldowns(slice, paths), Up(slice), catalog.Kpis.Count - shown.Count,
            review?.IsComplete == true, now);
    }

    /// <summary>Every domain, service and team that has data, for finding the slice a name means.</summary>
    public Task<IReadOnlyList<(string Domain, string Service, string Team)>> PathsAsync() =>
        store.ReadAsync(scope => scope.Observations.PathsAsync());

    /// <summary>A finished week is read as of its end; the week in progress as of now.</summary>
    private static DateTimeOffset AsOf(IsoWeek week, DateTimeOffset now) => week.End < now ? week.End : now.AddTicks(1);

    /// <summary>
    /// The services a slice covers, for its markers; null for "every service". A domain covers the
    /// services reported under it and the service of its own name (payments the domain, payments the
    /// service), which a deploy or an incident names even when no metric was reported for it yet.
    /// </summary>
    private static HashSet<string>? ServicesIn(Slice slice, IReadOnlyList<(string Domain, string Service, string Team)> paths)
    {
        if (slice.Service is not null) return [slice.Service];
        if (slice.Domain is null && slice.Team is null) return null;
        var services = paths.Where(p => (slice.Domain is null || p.Domain == slice.Domain) && (slice.Team is null || p.Team == slice.Team) && p.Service != "")
            .Select(p => p.Service).ToHashSet();
        if (slice.Domain is { } domain && slice.Team is null) services.Add(domain);
        return services;
    }

    /// <summary>Company → domain → service or team (seed §2), keeping the segment chosen.</summary>
    private static IReadOnlyList<Drilldown> Drilldowns(Slice slice, IReadOnlyList<(string Domain, string Service, string Team)> paths)
    {
        if (slice.Service is not null || slice.Team is not null) return [];
        if (slice.Domain is null)
            return paths.Where(p => p.Domain != "").Select(p => p.Domain).Distinct()
                .Select(d => new Drilldown($"domain {d}", slice with { Domain = d })).ToList();
        var inDomain = paths.Where(p => p.Domain == slice.Domain).ToList();
        return inDomain.Where(p => p.Service != "").Select(p => p.Service).Distinct().Select(s => new Drilldown($"service {s}", slice with { Service = s }))
            .Concat(inDomain.Where(p => p.Team != "").Select(p => p.Team).Distinct().Select(t => new Drilldown($"team {t}", slice with { Team = t })))
            .ToList();
    }

    private static Slice? Up(Slice slice) =>
        slice.Service is not null || slice.Team is not null ? slice with { Service = null, Team = null }
        : slice.Domain is not null ? slice with { Domain = null }
        : null;
}
