using ExecOps.Workflows.Kpis;

namespace ExecOps.Workflows.Compliance;

/// <summary>How often a control needs fresh evidence.</summary>
public enum Cadence { Daily, Weekly, Monthly, Quarterly, Yearly }

/// <summary>Where a control's evidence comes from: people (chat, the API), or one of the bot's own records, collected for them.</summary>
public enum EvidenceSource { Manual, ChangeApprovals, BreakglassReviews, Postmortems, RiskDecisions, RollbackDrills, AuditChain, VendorReviews }

/// <summary>One kind of evidence a control needs, how often, and whether the bot collects it.</summary>
public sealed record EvidenceRequirement(string Kind, Cadence Every, EvidenceSource Collect)
{
    /// <summary>How long evidence of this kind stays fresh: a month is taken as 31 days, a quarter as 92, so a calendar period never reads stale early.</summary>
    public TimeSpan Freshness => TimeSpan.FromDays(Every switch { Cadence.Daily => 1, Cadence.Weekly => 7, Cadence.Monthly => 31, Cadence.Quarterly => 92, _ => 366 });
}

/// <summary>A control as the catalog defines it: who owns it, which framework clauses it answers, and the evidence it needs.</summary>
public sealed record ControlDefinition(
    string Id,
    string Title,
    string Owner,
    string Backup,
    IReadOnlyList<string> Frameworks,
    IReadOnlyList<EvidenceRequirement> Evidence,
    Classification Classification)
{
    public EvidenceRequirement? Requirement(string kind) => Evidence.FirstOrDefault(e => e.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the control answers a framework (`SOC 2` matches `SOC 2 CC8.1`).</summary>
    public bool Answers(string framework) => Frameworks.Any(f => f.StartsWith(framework.Trim(), StringComparison.OrdinalIgnoreCase));
}
