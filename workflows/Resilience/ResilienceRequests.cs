namespace ExecOps.Workflows.Resilience;

/// <summary>What someone asked of `/resilience`, checked for form.</summary>
public abstract record ResilienceRequest;

public sealed record ShowScorecard : ResilienceRequest;
public sealed record RecordDrDrill(string Service, bool Passed, TimeSpan Recovery, TimeSpan? DataLoss, string Notes) : ResilienceRequest;
public sealed record PlanGameDay(string Name, string Service, string Scenario, DateOnly On) : ResilienceRequest;
public sealed record ListGameDays : ResilienceRequest;
public sealed record RecordGameDay(string Id, bool Passed, string Notes, IReadOnlyList<string> With) : ResilienceRequest;
