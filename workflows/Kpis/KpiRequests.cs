namespace ExecOps.Workflows.Kpis;

/// <summary>What a person asked of the KPI catalog, parsed from the command grammar or a card.</summary>
public abstract record KpiRequest;

public sealed record ShowKpiOwners : KpiRequest;
public sealed record ShowKpi(Kpi Kpi) : KpiRequest;

/// <summary>Observations as CSV, header first, as the metrics API takes them.</summary>
public sealed record ImportObservations(string Csv) : KpiRequest;

/// <summary>An RFC: the fields that change, and the impact analysis, validation and migration plan seed §3 asks for.</summary>
public sealed record ProposeKpiChange(Kpi Kpi, IReadOnlyDictionary<string, string> Changes, string Impact, string Validation, string Migration, DateOnly EffectiveOn) : KpiRequest;

public sealed record ShowKpiChange(string ChangeId) : KpiRequest;

/// <summary>A council member's press on the RFC's card, at the version its reader saw.</summary>
public sealed record DecideKpiChange(string ChangeId, bool Approve, string? Reason, long? Seen) : KpiRequest;
