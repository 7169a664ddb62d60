namespace ExecOps.Workflows.Risks;

/// <summary>What can happen to an escalation, including its timeout.</summary>
public enum EscalationTrigger { Raise, Decide }
