using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Risks;

namespace ExecOps.Workflows.Reports;

/// <summary>What the monthly board packet (§11) covers: one calendar month, compared with the month before.</summary>
public sealed record BoardPacketFacts(
    DateOnly Month,
    DateTimeOffset DraftedAt,
    string ReaderName,
    int Hidden,
    IReadOnlyList<KpiDelta> Kpis,
    IReadOnlyList<RiskData> TopRisks,
    IReadOnlyList<RiskData> NewRisks,
    IncidentSummary Incidents,
    IReadOnlyList<PlannedDate> Roadmap,
    IReadOnlyList<KpiDelta> Finances,
    IReadOnlyList<DecisionData> Decided,
    IReadOnlyList<Ask> Asks,
    Spend.SpendFinances Spend,
    Tasks.TrustLedger Ledger)
{
    public const int TopRiskCount = 5;

    public DateOnly NextMonth => Month.AddMonths(1);

    public IReadOnlyList<Kpi> Definitions => Kpis.Select(k => k.Kpi).ToList();
}
