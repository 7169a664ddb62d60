namespace ExecOps.Workflows.Scoreboard;

/// <summary>What can happen to a commentary prompt, including the passing of time.</summary>
public enum VariancePromptTrigger { Remind, AskBackup, Answer }
