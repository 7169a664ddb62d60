namespace ExecOps.Workflows.Tasks;

/// <summary>
/// A follow-up task for one person (seed §12's "ticket auto-creation"): what to do and what it is
/// about. <see cref="Key"/> names the reason for good, so the same reason never makes a second task.
/// </summary>
public sealed class FollowUp
{
    public const string Kind = "task";

    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public string Owner { get; set; } = "";
    public string Text { get; set; } = "";
    public string About { get; set; } = "";
    public FollowUpState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>A follow-up a workflow asks for, before it is stored.</summary>
public sealed record FollowUpRequest(string Key, string Owner, string Text, string About);
