namespace ExecOps.Workflows.Blockers;

/// <summary>The stored shape of a blocker (seed §10): what waits, on which team, for what, and how far up the ladder it has gone.</summary>
public sealed class BlockerData
{
    public string Id { get; set; } = "";
    public long Number { get; set; }
    public string What { get; set; } = "";
    public BlockerState State { get; set; } = BlockerState.Open;

    /// <summary>The team in the ownership map that must act, and the entry named when it was opened on one.</summary>
    public string Team { get; set; } = "";
    public string? Entry { get; set; }

    /// <summary>The change envelope or decision the blocker holds up.</summary>
    public string? For { get; set; }
    public string OpenedBy { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the current rung's time runs out, from the team's response SLA.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>0 with the team; 1 its lead; 2 its exec; 3 the CEO, the top.</summary>
    public int Rung { get; set; }
    public DateTimeOffset? DelayedUntil { get; set; }
    public string? DelayReason { get; set; }
    public string? UnblockedBy { get; set; }
    public DateTimeOffset? UnblockedAt { get; set; }
    public List<BlockerStep> History { get; set; } = [];
}

/// <summary>One thing that happened to a blocker: who, what, when.</summary>
public sealed record BlockerStep(DateTimeOffset At, string By, string What);
