namespace ExecOps.Workflows.Kpis;

/// <summary>Where a KPI definition change (an RFC) stands in change control.</summary>
public enum KpiChangeState { Proposed, Approved, Rejected, Effective }
