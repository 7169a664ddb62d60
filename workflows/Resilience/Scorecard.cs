namespace ExecOps.Workflows.Resilience;

/// <summary>How a Tier 0/1 service stands on the scorecard.</summary>
public enum Readiness { Green, Yellow, Red }

/// <summary>
/// One row of the resilience scorecard (seed §13): a Tier 0/1 entry's recovery targets, its last DR drill measured against them,
/// its last rollback drill, the game days run on it in the window (and which execs took part), and the risks its failures opened
/// that are still open. Red when the DR drill is overdue, missing, failed or outside its targets; yellow when no game day ran.
/// </summary>
public sealed record ScorecardRow(
    string Entry, string Name, int Tier, TimeSpan? Rto, TimeSpan? Rpo, DrDrill? LastDrDrill, DateTimeOffset? LastRollbackDrill,
    IReadOnlyList<GameDayData> GameDays, IReadOnlyList<string> ExecsTakingPart, IReadOnlyList<string> OpenRisks, Readiness Readiness, string Why);
