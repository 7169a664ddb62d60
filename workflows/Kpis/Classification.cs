namespace ExecOps.Workflows.Kpis;

/// <summary>Who may see a KPI's numbers: internal is everyone in the directory, restricted is execs only.</summary>
public enum Classification { Internal, Confidential, Restricted }
