namespace ExecOps.Workflows.Incidents;

/// <summary>What a person asked of incident command, parsed from the command grammar or a card.</summary>
public abstract record IncidentRequest(string? IncidentId)
{
    /// <summary>The version of the incident the card showed, when the request came from a card; a stale one is refused.</summary>
    public long? Seen { get; init; }
}

public sealed record DeclareIncident(Severity Severity, string Title, string? Service, string? Impact) : IncidentRequest((string?)null);
public sealed record TakeStep(string? IncidentId, IncidentTrigger Step) : IncidentRequest(IncidentId);
public sealed record PostStatusUpdate(string? IncidentId, string Text) : IncidentRequest(IncidentId);
public sealed record SetSeverity(string? IncidentId, Severity Severity) : IncidentRequest(IncidentId);
public sealed record GiveRole(string? IncidentId, IncidentRole Role, string Person) : IncidentRequest(IncidentId);
public sealed record WritePostmortem(string? IncidentId, string? RootCause, string? Summary, IReadOnlyList<PreventionItem> Prevention) : IncidentRequest(IncidentId);
public sealed record RecordNotified(string? IncidentId, string Customer) : IncidentRequest(IncidentId);
public sealed record RenderComms(string? IncidentId, string Channel, bool Publish = false) : IncidentRequest(IncidentId);
public sealed record PublishStatusPage(string? IncidentId) : IncidentRequest(IncidentId);
public sealed record ShowIncident(string? IncidentId) : IncidentRequest(IncidentId);
public sealed record BriefIncident(string? IncidentId) : IncidentRequest(IncidentId);
public sealed record ShowTimeline(string? IncidentId) : IncidentRequest(IncidentId);
public sealed record ListIncidents(bool IncludeClosed) : IncidentRequest((string?)null);
public sealed record ListRepeatOffenders() : IncidentRequest((string?)null);
public sealed record ShowTrends(int Year, int Month) : IncidentRequest((string?)null);
