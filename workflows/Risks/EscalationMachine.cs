using Stateless;
using static ExecOps.Workflows.Risks.EscalationState;
using static ExecOps.Workflows.Risks.EscalationTrigger;

namespace ExecOps.Workflows.Risks;

/// <summary>
/// The one place that says what happens to an escalation: it waits with the sponsor, goes up to the
/// CEO if the sponsor does not answer in time, and is decided once, by whoever holds it.
/// </summary>
internal static class EscalationMachine
{
    /// <param name="deciders">Who may decide it: the sponsor's side, and the one it goes up to; guards and refusals name them.</param>
    public static StateMachine<EscalationState, EscalationTrigger> For(EscalationData escalation, EscalationDeciders deciders)
    {
        var machine = new StateMachine<EscalationState, EscalationTrigger>(() => escalation.State, s => escalation.State = s);
        machine.Configure(WithSponsor)
            .Permit(Raise, WithCeo)
            .PermitIf(Decide, Decided, deciders.BySponsor, deciders.Sponsor);
        machine.Configure(WithCeo)
            .PermitIf(Decide, Decided, () => deciders.BySponsor() || deciders.ByCeo(), $"{deciders.Sponsor}, or {deciders.Ceo} now that it went up");
        return machine;
    }
}

/// <summary>Who may decide an escalation, in words for refusals ("RISK-1's sponsor (dana) or a delegate may decide this escalation"), and whether the person at hand is one of them.</summary>
internal sealed record EscalationDeciders(string Sponsor, string Ceo, Func<bool> BySponsor, Func<bool> ByCeo);

/// <summary>What an escalation's state means to those who read it.</summary>
public static class EscalationStates
{
    extension(EscalationData escalation)
    {
        public bool IsDecided => escalation.State == Decided;

        /// <summary>The sponsor did not answer in time, so it waits with the CEO.</summary>
        public bool WentUp => escalation.State == WithCeo;
    }
}
