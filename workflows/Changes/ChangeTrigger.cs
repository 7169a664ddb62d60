namespace ExecOps.Workflows.Changes;

/// <summary>What can happen to a change envelope, from its approvers and its pipeline.</summary>
public enum ChangeTrigger { Submit, SelfApprove, Approve, Reject, Edit, Start, Stage, Health, Complete, RollBack, Fail, Hotfix }
