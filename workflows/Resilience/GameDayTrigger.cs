namespace ExecOps.Workflows.Resilience;

/// <summary>What can happen to a game day: its result is recorded, once.</summary>
public enum GameDayTrigger { Pass, Fail }
