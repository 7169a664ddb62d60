namespace ExecOps.Workflows.Kpis;

/// <summary>A KPI's colour on the scoreboard.</summary>
public enum KpiStatus { Green, Yellow, Red }
