namespace ExecOps.Workflows.Changes;

/// <summary>What a person asked of change management, parsed from the command grammar or a form.</summary>
public abstract record ChangeRequest;

/// <summary>The fields of an envelope as typed: the owner as named, the migration's three parts as given.</summary>
public sealed record ChangeInput(string? Scope, string? Rollback, string? Metrics, string? Owner, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, string? Flag,
    string? Idempotent, string? LockBudget, string? MigrationRollback);

/// <summary>`/change new` without what it needs: the form opens, saying what is missing.</summary>
public sealed record OpenChangeForm(IReadOnlyList<string> Missing) : ChangeRequest;

public sealed record OpenChange(int Tier, string Service, string Title, ChangeInput Input) : ChangeRequest;
public sealed record ShowChange(string ChangeId) : ChangeRequest;
public sealed record EditChange(string ChangeId, ChangeInput Input) : ChangeRequest;
public sealed record ShowChangeCalendar : ChangeRequest;
public sealed record ShowChangeStats(string? Scope, int Weeks) : ChangeRequest;
public sealed record RecordDrill(string Service, bool Passed, TimeSpan TimeToRollBack, string Notes) : ChangeRequest;
public sealed record ListOverdueDrills : ChangeRequest;

/// <summary>An approver's press on the envelope's card, at the version its reader saw.</summary>
public sealed record DecideChange(string ChangeId, bool Approve, string? Reason, long? Seen) : ChangeRequest;

/// <summary>The IC confirms that an incident came from this change.</summary>
public sealed record LinkChangeToIncident(string ChangeId, string IncidentId) : ChangeRequest;
