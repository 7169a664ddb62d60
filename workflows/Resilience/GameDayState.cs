namespace ExecOps.Workflows.Resilience;

/// <summary>Where a game day stands: planned, then run and passed or failed.</summary>
public enum GameDayState { Planned, Passed, Failed }
