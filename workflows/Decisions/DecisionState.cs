namespace ExecOps.Workflows.Decisions;

/// <summary>Where a decision in the log stands.</summary>
public enum DecisionState { Proposed, Approved, Rejected, Superseded }
