namespace ExecOps.Workflows.Compliance;

public enum ControlExceptionState { Requested, Approved, Rejected, Expired, Ended }
