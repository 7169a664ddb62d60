using ExecOps.Workflows.Kpis;

namespace ExecOps.Workflows.Scoreboard;

public enum FreshnessLevel { Green, Yellow, Red }

/// <summary>
/// How old a KPI's newest data is, rated against its freshness SLA: green while within it, yellow
/// for the next 24 hours, red after. For the daily KPIs (a 24 h SLA) that is seed §2's banner
/// exactly, green up to 24 h, yellow 24–48 h, red over 48 h; a weekly KPI is not red on day three.
/// No data at all is red.
/// </summary>
public sealed record Freshness(FreshnessLevel Level, DateTimeOffset? Latest, TimeSpan? Age)
{
    public static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    public static Freshness Of(Kpi kpi, DateTimeOffset? latest, DateTimeOffset now)
    {
        if (latest is null) return new Freshness(FreshnessLevel.Red, null, null);
        var age = now - latest.Value;
        var sla = TimeSpan.FromHours(kpi.FreshnessHours);
        var level = age <= sla ? FreshnessLevel.Green : age <= sla + Grace ? FreshnessLevel.Yellow : FreshnessLevel.Red;
        return new Freshness(level, latest, age);
    }

    public static FreshnessLevel Worst(IEnumerable<Freshness> all) =>
        all.Select(f => f.Level).DefaultIfEmpty(FreshnessLevel.Green).Max();
}
