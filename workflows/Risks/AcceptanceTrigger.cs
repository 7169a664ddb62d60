namespace ExecOps.Workflows.Risks;

/// <summary>What can happen to an acceptance, including its expiry.</summary>
public enum AcceptanceTrigger { Approve, Reject, Expire, End }
