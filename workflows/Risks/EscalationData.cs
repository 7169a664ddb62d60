using static ExecOps.Workflows.Risks.EscalationState;

namespace ExecOps.Workflows.Risks;

/// <summary>What a sponsor may decide on an escalation card (seed §4).</summary>
public enum EscalationDecision { ApprovePlan, Extend, Fund, Reassign }

/// <summary>Something missed on a risk, put in front of its sponsor, then up the ladder if nobody answers.</summary>
public sealed class EscalationData
{
    public int Number { get; set; }
    public string Reason { get; set; } = "";
    public int? Mitigation { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public EscalationState State { get; set; } = WithSponsor;
    public EscalationDecision? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Detail { get; set; }
}
