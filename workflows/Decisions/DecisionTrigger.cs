namespace ExecOps.Workflows.Decisions;

/// <summary>What can happen to a decision.</summary>
public enum DecisionTrigger { Approve, Reject, Supersede }
