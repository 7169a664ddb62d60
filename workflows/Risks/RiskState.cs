namespace ExecOps.Workflows.Risks;

/// <summary>Where a risk stands in the register.</summary>
public enum RiskState { Open, Accepted, Closed }
