using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Reports;

/// <summary>
/// What the readout and the board packet are made of, read from the bot's own records in one
/// scope: the scoreboard's observations, incidents, risks and decisions. KPIs the reader may not see
/// are left out, as the scoreboard leaves them out.
/// </summary>
public sealed class ReportSources(ISqlScope scope, KpiCatalog catalog, Actor reader)
{
    private readonly AggregateRows aggregates = new(scope);

    public int Hidden => catalog.Kpis.Count(k => !reader.CanSee(k));

    public IReadOnlyList<Kpi> Visible(IEnumerable<string>? only = null) =>
        catalog.Kpis.Where(reader.CanSee).Where(k => only is null || only.Contains(k.Id)).ToList();

    /// <summary>Each visible KPI as of <paramref name="from"/> and as of <paramref name="to"/> (or now, if that is later than now).</summary>
    public async Task<IReadOnlyList<KpiDelta>> DeltasAsync(DateTimeOffset from, DateTimeOffset to, IEnumerable<string>? only = null)
    {
        var kpis = Visible(only);
        var values = await new ObservationRows(scope).AsOfAsync(kpis.Select(k => k.Id).ToList(), Slice.Company, [from, Capped(to)]);
        var commentary = await CommentaryAsync(from, to);
        return kpis.Select(k => new KpiDelta(k, values[k.Id][0], values[k.Id][1], commentary.GetValueOrDefault(k.Id))).ToList();
    }

    /// <summary>Each named, visible KPI at the end of every week from the one holding <paramref name="from"/> to the one before <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<KpiSeries>> WeeklyAsync(IEnumerable<string> ids, DateTimeOffset from, DateTimeOffset to)
    {
        var kpis = Visible(ids);
        var weeks = Weeks(from, to);
        var values = await new ObservationRows(scope).AsOfAsync(kpis.Select(k => k.Id).ToList(), Slice.Company, weeks.Select(w => Capped(w.End)).ToList());
        return kpis.Select(k => new KpiSeries(k, weeks, values[k.Id])).ToList();
    }

    public async Task<IReadOnlyList<IncidentData>> IncidentsAsync(DateTimeOffset from, DateTimeOffset to) =>
        (await aggregates.CreatedAsync<IncidentData>(Incident.Kind, from, to)).Select(s => s.Body).OrderBy(i => i.DeclaredAt).ToList();

    public async Task<IReadOnlyList<RiskData>> RisksAsync() =>
        (await aggregates.ListAsync<RiskData>(Risk.Kind)).Select(s => s.Body).OrderByDescending(r => r.Exposure).ThenBy(r => r.Number).ToList();

    public async Task<IReadOnlyList<DecisionData>> DecisionsAsync() =>
        (await aggregates.ListAsync<DecisionData>(Decision.Kind)).Select(s => s.Body).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>The newest commentary each KPI's owner gave in the weekly reviews of the period.</summary>
    private async Task<Dictionary<string, VarianceCommentary>> CommentaryAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var newest = new Dictionary<string, VarianceCommentary>();
        foreach (var week in Weeks(from, to))
            if (await ScoreboardService.FindAsync(aggregates, week) is { } review)
                foreach (var (kpi, prompt) in review.Prompts)
                    if (prompt.Commentary is { } commentary) newest[kpi] = commentary;
        return newest;
    }

    private static IReadOnlyList<IsoWeek> Weeks(DateTimeOffset from, DateTimeOffset to)
    {
        var weeks = new List<IsoWeek>();
        for (var week = IsoWeek.Of(from); week.Start < to; week = week.Next) weeks.Add(week);
        return weeks;
    }

    /// <summary>A period still running is read as of now.</summary>
    private DateTimeOffset Capped(DateTimeOffset at) => at > scope.Now ? scope.Now.AddTicks(1) : at;
}
