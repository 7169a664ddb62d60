using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Reports;

/// <summary>
/// What a scale readout (seed 003) covers: the quarter from <see cref="From"/> to <see cref="To"/>, and
/// the 90 days after <see cref="To"/> that its plan commits to.
/// </summary>
public sealed record ReadoutFacts(
    DateTimeOffset From,
    DateTimeOffset To,
    string ReaderName,
    int Hidden,
    IReadOnlyList<KpiDelta> Deltas,
    IReadOnlyList<KpiSeries> Slos,
    IncidentSummary Incidents,
    IReadOnlyList<KpiSeries> UnitCosts,
    IReadOnlyList<DecisionData> ToTake,
    IReadOnlyList<DecisionData> Logged,
    IReadOnlyList<PlannedDate> Next90,
    IReadOnlyList<Reminder> Cadence)
{
    public const int Weeks = 13;
    public const int PlanDays = 90;

    public DateOnly Today => DateOnly.FromDateTime(To.UtcDateTime);
}
