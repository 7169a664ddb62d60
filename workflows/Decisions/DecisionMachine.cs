using Stateless;
using static ExecOps.Workflows.Decisions.DecisionState;
using static ExecOps.Workflows.Decisions.DecisionTrigger;

namespace ExecOps.Workflows.Decisions;

/// <summary>The one place that says what happens to a decision: its approver approves or rejects it; an approved one may be superseded by a newer one.</summary>
internal static class DecisionMachine
{
    public const string TheApprover = "its named approver";

    public static StateMachine<DecisionState, DecisionTrigger> For(DecisionData decision, Func<bool> byApprover)
    {
        var machine = new StateMachine<DecisionState, DecisionTrigger>(() => decision.State, s => decision.State = s);
        machine.Configure(Proposed).PermitIf(Approve, Approved, byApprover, TheApprover).PermitIf(Reject, Rejected, byApprover, TheApprover);
        machine.Configure(Approved).Permit(Supersede, Superseded);
        return machine;
    }
}

/// <summary>What a decision's state means to those who read it.</summary>
public static class DecisionStates
{
    extension(DecisionData decision)
    {
        public bool AwaitsApproval => decision.State == Proposed;

        /// <summary>Approved and not superseded: a commitment the company holds to.</summary>
        public bool IsInForce => decision.State == Approved;

        public bool WasRejected => decision.State == Rejected;

        public bool IsSuperseded => decision.State == Superseded;
    }
}
