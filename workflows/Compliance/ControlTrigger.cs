namespace ExecOps.Workflows.Compliance;

public enum ControlTrigger { Refresh, FallStale, Fail, Except, EndException }
