namespace ExecOps.Workflows.Scoreboard;

/// <summary>Why a red KPI is red, what is being done, and by when it should be back (seed §2's required fields).</summary>
public sealed record VarianceCommentary(string Cause, string Action, DateOnly RecoveryBy, string By, DateTimeOffset At);
