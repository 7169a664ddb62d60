using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Ownership;

/// <summary>The stored shape of one quarter's ownership audit (seed §10, §12).</summary>
public sealed class OwnershipAuditData
{
    public string Quarter { get; set; } = "";
    public OwnershipAuditState State { get; set; } = OwnershipAuditState.Open;
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>One question per owner, covering everything the map says they own, by the owner's id.</summary>
    public Dictionary<string, OwnerConfirmation> Owners { get; set; } = [];

    /// <summary>Entries with no change, incident, spend or recorded activity for the zombie window: candidates to retire.</summary>
    public List<Zombie> Zombies { get; set; } = [];

    /// <summary>What the map could not name an owner for when the audit opened.</summary>
    public List<Orphan> Orphans { get; set; } = [];

    /// <summary>Entries an owner said are not theirs during the audit.</summary>
    public List<Disowning> Disowned { get; set; } = [];
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>An owner asked to confirm what they own; reminded, then their team's lead is asked.</summary>
public sealed class OwnerConfirmation : IPrompt
{
    public string Owner { get; set; } = "";
    public string AskedOf { get; set; } = "";
    public List<string> Entries { get; set; } = [];
    public PromptState State { get; set; } = PromptState.Asked;
    public DateTimeOffset AskedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
}

/// <summary>An entry with nothing on it for the window: when it last saw a change, an incident, spend or activity, if ever.</summary>
public sealed record Zombie(string Entry, string Name, string? Owner, DateTimeOffset? LastActivity);

public sealed record Disowning(string Entry, string By, string Reason, DateTimeOffset At);
