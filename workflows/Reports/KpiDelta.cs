using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Reports;

/// <summary>A KPI's company-wide value at the start and end of a period, and the commentary its owner gave while it was red.</summary>
public sealed record KpiDelta(Kpi Kpi, decimal? Before, decimal? Now, VarianceCommentary? Commentary)
{
    public KpiStatus? StatusBefore => Rate(Before);

    public KpiStatus? Status => Rate(Now);

    private KpiStatus? Rate(decimal? value) => value is { } v ? Kpi.Thresholds.Rate(v, Kpi.Direction) : null;
}

/// <summary>A KPI's company-wide value at the end of each week of a period: the SLO and unit-cost trends.</summary>
public sealed record KpiSeries(Kpi Kpi, IReadOnlyList<IsoWeek> Weeks, IReadOnlyList<decimal?> Values)
{
    public int WeeksWithData => Values.Count(v => v is not null);

    /// <summary>Weeks that ended at or better than target: seed 003's "SLOs met".</summary>
    public int WeeksMet => Values.Count(v => v is { } x && Kpi.Thresholds.Rate(x, Kpi.Direction) == KpiStatus.Green);

    public decimal? First => Values.FirstOrDefault(v => v is not null);

    public decimal? Last => Values.LastOrDefault(v => v is not null);
}
