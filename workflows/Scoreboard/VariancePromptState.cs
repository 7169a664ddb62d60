namespace ExecOps.Workflows.Scoreboard;

/// <summary>Where a red KPI's commentary prompt stands.</summary>
public enum VariancePromptState { Asked, Reminded, BackupAsked, Answered }
