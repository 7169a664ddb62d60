namespace ExecOps.Workflows.Scoreboard;

/// <summary>Where a week's variance review stands.</summary>
public enum VarianceReviewState { Open, Complete }
