using Stateless;
using static ExecOps.Workflows.Changes.ChangeState;
using static ExecOps.Workflows.Changes.ChangeTrigger;

namespace ExecOps.Workflows.Changes;

/// <summary>
/// The one place that says what may happen to a change envelope: Tier 0/1 changes (and any change in
/// a freeze) wait for their approvals, Tier 2/3 approve themselves; an edit after approval asks again;
/// only an approved change starts; a change in progress completes (unless its guardrails broke), rolls back or fails.
/// </summary>
internal static class ChangeMachine
{
    public const string Approvals = "every approval it needs";
    public const string NeedsApproval = "a change that needs approval (Tier 0/1, or inside a freeze)";
    public const string NoApprovalNeeded = "a Tier 2/3 change outside any freeze";
    public const string MoreApprovals = "more approvals still to come";
    public const string GuardrailsHeld = "a change whose guardrails held (one that broke them was asked to roll back, and ends rolled back or failed)";

    /// <param name="effects">What entering a state sets in motion, run by the machine on entry.</param>
    public static StateMachine<ChangeState, ChangeTrigger> For(ChangeData change, Func<bool> allApproved, ChangeEffects? effects = null)
    {
        var needs = () => change.NeededApprovals.Count > 0;
        var machine = new StateMachine<ChangeState, ChangeTrigger>(() => change.State, s => change.State = s);
        machine.Configure(Draft)
            .PermitIf(Submit, PendingApproval, needs, NeedsApproval)
            .PermitIf(SelfApprove, Approved, () => !needs(), NoApprovalNeeded)
            .InternalTransition(Edit, _ => { });
        machine.Configure(PendingApproval)
            .OnEntry(t => effects?.ApprovalAsked(t.Trigger))
            .PermitIf(Approve, Approved, allApproved, Approvals)
            .InternalTransitionIf(Approve, _ => !allApproved(), _ => { }, MoreApprovals)
            .Permit(Reject, Draft)
            .InternalTransition(Edit, _ => { });
        machine.Configure(Approved)
            .OnEntryFrom(Approve, () => effects?.Approved())
            .Permit(Start, InProgress)
            .PermitIf(Edit, PendingApproval, needs, NeedsApproval)
            .InternalTransitionIf(Edit, _ => !needs(), _ => { }, NoApprovalNeeded);
        machine.Configure(InProgress)
            .InternalTransition(Stage, _ => { })
            .InternalTransition(Health, _ => { })
            .InternalTransition(Hotfix, _ => { })
            .PermitIf(Complete, Completed, () => !change.RollbackRequested, GuardrailsHeld)
            .Permit(RollBack, RolledBack)
            .Permit(Fail, Failed);
        machine.Configure(Completed)
            .InternalTransition(Hotfix, _ => { })
            .Permit(RollBack, RolledBack);
        return machine;
    }
}

/// <summary>What entering a state sets in motion: going (back) to approval asks the approvers; the last approval tells the owner.</summary>
internal sealed record ChangeEffects(Action<ChangeTrigger> ApprovalAsked, Action Approved);

/// <summary>What a change's state means to those who read it.</summary>
public static class ChangeStates
{
    extension(ChangeData change)
    {
        public bool AwaitsApproval => change.State == PendingApproval;
        public bool IsRollingOut => change.State == InProgress;

        /// <summary>Released to everyone: a release marker and a lead time.</summary>
        public bool IsCompleted => change.State == Completed;

        /// <summary>Rolling out or released: traffic sees it, so it has a rollout percentage.</summary>
        public bool IsLive => change.State is InProgress or Completed;

        /// <summary>It finished badly: rolled back or failed.</summary>
        public bool EndedBadly => change.State is RolledBack or ChangeState.Failed;
    }
}
