namespace ExecOps.Workflows.Spend;

/// <summary>What a person asked of spend, parsed from the command grammar.</summary>
public abstract record SpendRequest;

/// <summary>`/spend [days:7]`: the last days by service and team, against the days before, with untagged spend by provider.</summary>
public sealed record ShowSpend(int Days) : SpendRequest;
public sealed record ShowExpired : SpendRequest;
public sealed record ShowBudgets : SpendRequest;
