using ExecOps.Workflows.People;
using Stateless;
using static ExecOps.Workflows.Decisions.DecisionState;
using static ExecOps.Workflows.Decisions.DecisionTrigger;

namespace ExecOps.Workflows.Decisions;

/// <summary>
/// The one place that says what happens to a decision: its approver approves or rejects it; an
/// approved one may be superseded by a newer one. Approving needs authority, not only the name:
/// the approver holds the approving role and is not the one who proposed it (seed §11: no one
/// approves their own spend).
/// </summary>
internal static class DecisionMachine
{
    public const string TheApprover = "its named approver";
    public const string NotTheProposer = "someone other than its proposer";
    public const string TheApprovingRole = "holding the approver role";

    /// <param name="actor">Who acts: the guards are about them.</param>
    public static StateMachine<DecisionState, DecisionTrigger> For(DecisionData decision, Actor actor)
    {
        bool IsApprover() => actor.Id == decision.Approver;
        bool IsNotProposer() => actor.Id != decision.ProposedBy;
        bool HoldsRole() => actor.Has(decision.ApproverRole ?? Roles.Exec);
        var machine = new StateMachine<DecisionState, DecisionTrigger>(() => decision.State, s => decision.State = s);
        machine.Configure(Proposed)
            .PermitIf(Approve, Approved, Tuple.Create<Func<bool>, string>(IsApprover, TheApprover), Tuple.Create<Func<bool>, string>(IsNotProposer, NotTheProposer),
                Tuple.Create<Func<bool>, string>(HoldsRole, TheApprovingRole))
            .PermitIf(Reject, Rejected, IsApprover, TheApprover);
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
