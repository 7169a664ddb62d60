namespace ExecOps.Workflows.Changes;

/// <summary>What can happen to an emergency access grant.</summary>
public enum BreakGlassTrigger { Expire }
