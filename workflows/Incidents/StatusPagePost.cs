namespace ExecOps.Workflows.Incidents;

/// <summary>The incident's counterpart on the public status page: its id and link once the page answered, and how often it was published.</summary>
public sealed class StatusPagePost
{
    public string? Id { get; set; }
    public string? Url { get; set; }
    public int Published { get; set; }
    public DateTimeOffset? LastPublishedAt { get; set; }
}
