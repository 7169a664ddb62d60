namespace ExecOps.Workflows.Kpis;

/// <summary>The stored shape of a KPI definition change request (seed §3's RFC): what changes, why it is safe, and when.</summary>
public sealed class KpiChangeData
{
    public string Id { get; set; } = "";
    public string Kpi { get; set; } = "";
    public KpiChangeState State { get; set; } = KpiChangeState.Proposed;

    /// <summary>Field → new value, as typed; checked against the catalog's rules when proposed and again when it takes effect.</summary>
    public Dictionary<string, string> Changes { get; set; } = [];

    /// <summary>Field → value before, for the record.</summary>
    public Dictionary<string, string> Before { get; set; } = [];
    public string Impact { get; set; } = "";
    public string Validation { get; set; } = "";
    public string Migration { get; set; } = "";
    public DateOnly EffectiveOn { get; set; }
    public string ProposedBy { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? TookEffectAt { get; set; }
}
