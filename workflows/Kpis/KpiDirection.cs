namespace ExecOps.Workflows.Kpis;

/// <summary>Which way is good: more New ARR is better, more MTTR is worse.</summary>
public enum KpiDirection { Higher, Lower }
