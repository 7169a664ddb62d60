namespace ExecOps.Workflows.Kpis;

/// <summary>Section `Kpis`.</summary>
public sealed class KpiSettings
{
    /// <summary>The catalog file; a relative path is read from beside the binary, where the build copies the repo's catalog.</summary>
    public string CatalogPath { get; set; } = "kpi-catalog.json";

    /// <summary>Who hears a KPI's alerts while it has no owner: the CEO by default.</summary>
    public string EscalationOwner { get; set; } = "ceo";

    /// <summary>Where proposed definition changes are posted for the Governance Council to decide.</summary>
    public string CouncilChannel { get; set; } = "governance-council";
}
