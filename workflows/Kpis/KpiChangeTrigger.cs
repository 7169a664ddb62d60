namespace ExecOps.Workflows.Kpis;

/// <summary>What can happen to a KPI definition change.</summary>
public enum KpiChangeTrigger { Approve, Reject, TakeEffect }
