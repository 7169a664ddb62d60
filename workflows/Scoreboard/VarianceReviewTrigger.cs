namespace ExecOps.Workflows.Scoreboard;

/// <summary>What can happen to a week's variance review.</summary>
public enum VarianceReviewTrigger { Complete }
