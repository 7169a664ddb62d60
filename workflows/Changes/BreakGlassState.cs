namespace ExecOps.Workflows.Changes;

/// <summary>Whether an emergency access grant is still in force.</summary>
public enum BreakGlassState { Active, Expired }
