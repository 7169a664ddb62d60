namespace ExecOps.Workflows.Incidents;

/// <summary>The stored shape of an incident. The state lives here, outside the machine, as a column does.</summary>
public sealed class IncidentData
{
    public string Id { get; set; } = "";
    public long Number { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The incident's own channel, where its card, updates and reminders go.</summary>
    public string Room { get; set; } = "";
    public Severity Severity { get; set; }
    public IncidentState State { get; set; } = IncidentState.Declared;
    public string? Service { get; set; }
    public string? Impact { get; set; }
    public Dictionary<IncidentRole, string> Roles { get; set; } = [];

    /// <summary>The seats' holders as people read them, kept with the ids so a refusal can name them (older incidents have ids only).</summary>
    public Dictionary<IncidentRole, string> RoleNames { get; set; } = [];
    public string DeclaredBy { get; set; } = "";
    public DateTimeOffset DeclaredAt { get; set; }
    public DateTimeOffset? MitigatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? LastUpdate { get; set; }
    public DateTimeOffset? LastUpdateAt { get; set; }
    public DateTimeOffset? NextUpdateDue { get; set; }
    public int MissedUpdates { get; set; }
    public DateTimeOffset? PostmortemDue { get; set; }
    public DateTimeOffset? PostmortemNudgeAt { get; set; }
    public Postmortem? Postmortem { get; set; }

    /// <summary>The customer notification clocks its contracts start (seed §8).</summary>
    public List<CustomerNotice> Notices { get; set; } = [];

    /// <summary>The providers' own incidents this one answers for (`pagerduty:PFQZPSY`): their later events come here.</summary>
    public List<string> Links { get; set; } = [];

    /// <summary>What this incident has said on the public status page, once it has been published there.</summary>
    public StatusPagePost? StatusPage { get; set; }

    public string? Commander => Roles.GetValueOrDefault(IncidentRole.Commander);
}
