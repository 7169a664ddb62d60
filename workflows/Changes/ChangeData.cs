namespace ExecOps.Workflows.Changes;

/// <summary>What a change with a data migration must also say (seed §5).</summary>
public sealed record DataMigration(bool Idempotent, string LockBudget, string RollbackPath);

/// <summary>One approval an envelope needed and got: whose role it was, who gave it, when.</summary>
public sealed record ChangeApproval(string Role, string By, DateTimeOffset At);

/// <summary>Something that happened to a change in flight, as its pipeline or a person reported it.</summary>
public sealed record ChangeEvent(DateTimeOffset At, string Kind, string Detail);

/// <summary>The stored shape of a change envelope (seed §5). The state lives here, outside the machine, as a column does.</summary>
public sealed class ChangeData
{
    public string Id { get; set; } = "";
    public long Number { get; set; }
    public int Tier { get; set; }
    public string Service { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Scope { get; set; }
    public string? Rollback { get; set; }
    public List<string> Guardrails { get; set; } = [];
    public string Owner { get; set; } = "";
    public DateTimeOffset? WindowStart { get; set; }
    public DateTimeOffset? WindowEnd { get; set; }
    public string? Flag { get; set; }
    public DataMigration? Migration { get; set; }
    public ChangeState State { get; set; } = ChangeState.Draft;

    /// <summary>Who must approve before it starts: the service's approver for Tier 0/1, an exec inside a freeze.</summary>
    public List<string> NeededApprovals { get; set; } = [];
    public List<ChangeApproval> Approvals { get; set; } = [];
    public List<ChangeEvent> Events { get; set; } = [];
    public int StagePercent { get; set; }
    public bool RollbackRequested { get; set; }
    public bool Hotfixed { get; set; }
    public List<string> LinkedIncidents { get; set; } = [];
    public DateTimeOffset? FirstCommitAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Change failure (seed §1): rolled back, hotfixed, or linked to a Sev1/2 incident.</summary>
    public bool Failed => this.EndedBadly || Hotfixed || LinkedIncidents.Count > 0;
}
