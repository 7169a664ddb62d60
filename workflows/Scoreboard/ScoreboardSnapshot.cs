using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// One KPI on the scoreboard for a week and slice: its value as of the week's end, last week's,
/// its status (null where a company-wide target says nothing, see <see cref="Kpi.Additive"/>), the
/// eight weeks up to this one, how fresh its data is, and its variance commentary if it has any.
/// </summary>
public sealed record KpiLine(Kpi Kpi, decimal? Value, decimal? LastWeek, KpiStatus? Status, IReadOnlyList<decimal?> Trend, Freshness Freshness, VarianceCommentary? Commentary)
{
    public decimal? Change => Value is { } now && LastWeek is { } before ? now - before : null;
}

/// <summary>An incident declared in the period: a marker with its Sev, commander and root cause once known (seed §2).</summary>
public sealed record IncidentMarker(string Id, Severity Severity, string Title, string? Service, string? Commander, string? RootCause, DateTimeOffset DeclaredAt);

/// <summary>Where a drilldown button leads, and what it is called.</summary>
public sealed record Drilldown(string Label, Slice Slice);

public sealed record ScoreboardSnapshot(
    IsoWeek Week,
    Slice Slice,
    IReadOnlyList<IsoWeek> TrendWeeks,
    IReadOnlyList<KpiLine> Lines,
    IReadOnlyList<ReleaseMarker> Releases,
    IReadOnlyList<IncidentMarker> Incidents,
    IReadOnlyList<Drilldown> Drilldowns,
    Slice? Up,
    int Hidden,
    bool WeekComplete,
    DateTimeOffset AsOf)
{
    public const int TrendLength = 8;

    public FreshnessLevel Banner => Freshness.Worst(Lines.Select(l => l.Freshness));

    public IReadOnlyList<KpiLine> Red => Lines.Where(l => l.Status == KpiStatus.Red).ToList();

    public IReadOnlyList<ReleaseMarker> ReleasesThisWeek => Releases.Where(r => r.At >= Week.Start).ToList();

    public IReadOnlyList<IncidentMarker> IncidentsThisWeek => Incidents.Where(i => i.DeclaredAt >= Week.Start).ToList();
}
