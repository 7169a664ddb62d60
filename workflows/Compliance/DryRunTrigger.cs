namespace ExecOps.Workflows.Compliance;

public enum DryRunTrigger { Confirm, RecordFinding }
