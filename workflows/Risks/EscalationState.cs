namespace ExecOps.Workflows.Risks;

/// <summary>Who an escalation waits with, or that it is decided.</summary>
public enum EscalationState { WithSponsor, WithCeo, Decided }
