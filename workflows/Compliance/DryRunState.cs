namespace ExecOps.Workflows.Compliance;

/// <summary>A control's part in a quarter's internal audit dry run: asked of its owner, confirmed, or found wanting.</summary>
public enum DryRunState { Asked, Confirmed, Found }
