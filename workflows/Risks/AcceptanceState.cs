namespace ExecOps.Workflows.Risks;

/// <summary>Where a request to accept a risk stands.</summary>
public enum AcceptanceState { Requested, Approved, Rejected, Expired, Ended }
