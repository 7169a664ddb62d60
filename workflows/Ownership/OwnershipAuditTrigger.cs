namespace ExecOps.Workflows.Ownership;

/// <summary>What can happen to a quarter's ownership audit.</summary>
public enum OwnershipAuditTrigger { Close }
