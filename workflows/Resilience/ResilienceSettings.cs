namespace ExecOps.Workflows.Resilience;

/// <summary>Section `Resilience`.</summary>
public sealed class ResilienceSettings
{
    /// <summary>How often each Tier 0/1 entry must drill its disaster recovery; a drill older than this makes it red.</summary>
    public TimeSpan DrDrillEvery { get; set; } = TimeSpan.FromDays(91);

    /// <summary>A Tier 0/1 entry with no game day run for this long is yellow.</summary>
    public TimeSpan GameDayEvery { get; set; } = TimeSpan.FromDays(182);

    /// <summary>Where failed drills and game days are told.</summary>
    public string Channel { get; set; } = "incidents";

    /// <summary>The risk a failed drill or game day opens: its probability (0 to 1) and impact.</summary>
    public decimal RiskProbability { get; set; } = 0.3m;
    public decimal RiskImpactUsd { get; set; } = 250_000;

    public IEnumerable<string> Problems()
    {
        if (DrDrillEvery < TimeSpan.FromDays(1) || GameDayEvery < TimeSpan.FromDays(1)) yield return "Resilience:DrDrillEvery and GameDayEvery must be a day or more.";
        if (RiskProbability is <= 0 or > 1) yield return "Resilience:RiskProbability must be above 0 and at most 1.";
        if (RiskImpactUsd <= 0) yield return "Resilience:RiskImpactUsd must be above zero.";
    }
}
