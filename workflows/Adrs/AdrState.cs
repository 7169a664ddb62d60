namespace ExecOps.Workflows.Adrs;

/// <summary>Where an architecture decision record stands, in the standard ADR statuses.</summary>
public enum AdrState { Proposed, Accepted, Superseded }
