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

    /// <summary>When it must be done by: the owner hears on the day if it is still open, and their manager too.</summary>
    public DateOnly? Due { get; set; }

    /// <summary>The team whose backlog it sits in (a repeat offender's items go to the owning team's).</summary>
    public string? Team { get; set; }

    /// <summary>Hardening or deletion: done, it counts as an improvement shipped in the month's trust ledger (seed §6, §10).</summary>
    public Shipment? Shipment { get; set; }
    public string? Evidence { get; set; }
    public bool Escalated { get; set; }

    /// <summary>The ticket it became in the tracker (a Jira issue key), and where to open it.</summary>
    public string? Ticket { get; set; }
    public string? TicketUrl { get; set; }
}

/// <summary>What kind of improvement a done task ships: the trust ledger counts both (seed §10: reward deletion and hardening as shipments).</summary>
public enum Shipment { Hardening, Deletion }

/// <summary>A follow-up a workflow asks for, before it is stored.</summary>
public sealed record FollowUpRequest(string Key, string Owner, string Text, string About, DateOnly? Due = null, string? Team = null, Shipment? Shipment = null);
