namespace ExecOps.Workflows.Spend;

/// <summary>What can happen to a week's spend review.</summary>
public enum SpendReviewTrigger { Complete }
