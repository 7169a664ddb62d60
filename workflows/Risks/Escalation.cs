using ExecOps.Workflows.StateMachines;
using static ExecOps.Workflows.Risks.EscalationState;
using static ExecOps.Workflows.Risks.EscalationTrigger;

namespace ExecOps.Workflows.Risks;

public enum EscalationState { WithSponsor, WithCeo, Decided }

public enum EscalationTrigger { Raise, Decide }

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

/// <summary>
/// The one place that says what happens to an escalation: it waits with the sponsor, goes up to the
/// CEO if the sponsor does not answer in time, and is decided once, by whoever holds it.
/// </summary>
public static class EscalationMachine
{
    public static StateMachine<EscalationState, EscalationTrigger> For(EscalationData escalation)
    {
        var machine = new StateMachine<EscalationState, EscalationTrigger>(() => escalation.State, s => escalation.State = s);
        machine.Configure(WithSponsor).Permit(Raise, WithCeo).Permit(Decide, Decided);
        machine.Configure(WithCeo).Permit(Decide, Decided).Ignore(Raise);
        return machine;
    }
}
