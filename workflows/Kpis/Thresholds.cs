namespace ExecOps.Workflows.Kpis;

/// <summary>
/// Where green ends and red begins. For a KPI where higher is better, a value at or above
/// <see cref="Green"/> is green, at or above <see cref="Yellow"/> yellow, and below it red; for
/// one where lower is better, the same with "at or below".
/// </summary>
public sealed record Thresholds(decimal Green, decimal Yellow)
{
    public KpiStatus Rate(decimal value, KpiDirection direction) => direction == KpiDirection.Higher
        ? value >= Green ? KpiStatus.Green : value >= Yellow ? KpiStatus.Yellow : KpiStatus.Red
        : value <= Green ? KpiStatus.Green : value <= Yellow ? KpiStatus.Yellow : KpiStatus.Red;

    /// <summary>Whether yellow lies on the bad side of green, as the direction requires.</summary>
    public bool AreOrderedFor(KpiDirection direction) => direction == KpiDirection.Higher ? Yellow <= Green : Yellow >= Green;
}
