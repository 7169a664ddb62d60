namespace ExecOps.Workflows.Spend;

/// <summary>Where a week's spend review stands.</summary>
public enum SpendReviewState { Open, Complete }
