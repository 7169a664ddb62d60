namespace ExecOps.Workflows.Compliance;

/// <summary>A control's health: green (Healthy), yellow (Stale, its owner told), red (Failing, escalated), or covered by an exception.</summary>
public enum ControlState { Healthy, Stale, Failing, Excepted }
