using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Spend;

/// <summary>What a person asked of spend, parsed from the command grammar.</summary>
public abstract record SpendRequest;

/// <summary>`/spend [days:7]`: the last days by service and team, against the days before, with untagged spend by provider.</summary>
public sealed record ShowSpend(int Days) : SpendRequest;
public sealed record ShowExpired : SpendRequest;
public sealed record ShowBudgets : SpendRequest;
public sealed record ShowMovers(IsoWeek Week) : SpendRequest;

/// <param name="MoverId">The week and the mover, like 2026-W47/service:payments.</param>
public sealed record ExplainMover(string MoverId, string Text, string? Change) : SpendRequest;
public sealed record CompleteSpendReview(IsoWeek Week) : SpendRequest;

/// <param name="Monthly">The saving per month.</param>
public sealed record RecordSaving(string What, decimal Monthly, string Service, string Evidence) : SpendRequest;
public sealed record ListSavings : SpendRequest;
