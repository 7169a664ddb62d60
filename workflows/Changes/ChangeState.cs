namespace ExecOps.Workflows.Changes;

/// <summary>Where a change envelope stands.</summary>
public enum ChangeState { Draft, PendingApproval, Approved, InProgress, Completed, RolledBack, Failed }
