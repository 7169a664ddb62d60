namespace ExecOps.Workflows.Adrs;

/// <summary>What can happen to an ADR.</summary>
public enum AdrTrigger { Accept, Supersede }
