namespace ExecOps.Workflows.Changes;

/// <summary>The stored shape of an emergency access grant.</summary>
public sealed class BreakGlassData
{
    public string Id { get; set; } = "";
    public string Person { get; set; } = "";

    /// <summary>The holder as people read them; older grants have only <see cref="Person"/>.</summary>
    public string? PersonName { get; set; }
    public string Service { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset Until { get; set; }
    public BreakGlassState State { get; set; }
    public string? Review { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}
