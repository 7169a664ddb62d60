namespace ExecOps.Workflows.Kpis;

/// <summary>
/// One governed KPI as the catalog defines it: what it measures, who answers for it, where its
/// data comes from and how fresh it must be, who may see it, and what counts as green.
/// An <see cref="Additive"/> KPI (bookings, active accounts) sums over its parts, so its company-wide
/// target says nothing about one team or segment; a ratio (uptime, MTTR) is judged the same anywhere.
/// </summary>
public sealed record Kpi(
    string Id,
    string Name,
    string Definition,
    KpiUnit Unit,
    KpiDirection Direction,
    string? Owner,
    string? OwnerTitle,
    string? Backup,
    string Source,
    string Lineage,
    Classification Classification,
    int FreshnessHours,
    decimal Target,
    Thresholds Thresholds,
    bool Additive = false);
