using ExecOps.Workflows.StateMachines;
using static ExecOps.Workflows.Changes.ChangeState;
using static ExecOps.Workflows.Changes.ChangeTrigger;

namespace ExecOps.Workflows.Changes;

/// <summary>
/// The one place that says what may happen to a change envelope: Tier 0/1 changes (and any change in
/// a freeze) wait for their approvals, Tier 2/3 approve themselves; an edit after approval asks again;
/// only an approved change starts; a change in progress completes, rolls back or fails.
/// </summary>
public static class ChangeMachine
{
    public const string Approvals = "every approval it needs";
    public const string NeedsApproval = "a change that needs approval (Tier 0/1, or inside a freeze)";
    public const string NoApprovalNeeded = "a Tier 2/3 change outside any freeze";

    public static StateMachine<ChangeState, ChangeTrigger> For(ChangeData change, Func<bool> allApproved)
    {
        var needs = () => change.NeededApprovals.Count > 0;
        var machine = new StateMachine<ChangeState, ChangeTrigger>(() => change.State, s => change.State = s);
        machine.Configure(Draft)
            .PermitIf(Submit, PendingApproval, needs, NeedsApproval)
            .PermitIf(SelfApprove, Approved, () => !needs(), NoApprovalNeeded)
            .InternalTransition(Edit, _ => { });
        machine.Configure(PendingApproval)
            .PermitIf(Approve, Approved, allApproved, Approvals)
            .InternalTransitionIf(Approve, () => !allApproved(), "more approvals still to come", _ => { })
            .Permit(Reject, Draft)
            .InternalTransition(Edit, _ => { });
        machine.Configure(Approved)
            .Permit(Start, InProgress)
            .PermitIf(Edit, PendingApproval, needs, NeedsApproval)
            .InternalTransitionIf(Edit, () => !needs(), NoApprovalNeeded, _ => { });
        machine.Configure(InProgress)
            .InternalTransition(Stage, _ => { })
            .InternalTransition(Health, _ => { })
            .InternalTransition(Hotfix, _ => { })
            .Permit(Complete, Completed)
            .Permit(RollBack, RolledBack)
            .Permit(Fail, Failed);
        machine.Configure(Completed)
            .InternalTransition(Hotfix, _ => { })
            .Permit(RollBack, RolledBack);
        return machine;
    }
}
