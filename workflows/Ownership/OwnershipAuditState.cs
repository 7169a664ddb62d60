namespace ExecOps.Workflows.Ownership;

/// <summary>Where a quarter's ownership audit stands: open until every owner asked has answered.</summary>
public enum OwnershipAuditState { Open, Closed }
