namespace ExecOps.Workflows.Compliance;

public enum ControlExceptionTrigger { Approve, Reject, Expire, End }
