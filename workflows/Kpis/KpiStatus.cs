namespace ExecOps.Workflows.Kpis;

/// <summary>A KPI's colour on the scoreboard; no data is not green.</summary>
public enum KpiStatus { NoData, Green, Yellow, Red }
