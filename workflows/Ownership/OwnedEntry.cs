namespace ExecOps.Workflows.Ownership;

/// <summary>What the ownership map holds: a running service, a system under it (a database, a queue), or a data set.</summary>
public enum OwnedKind { Service, System, DataSet }

/// <summary>
/// A team in the ownership map: its lead and exec are the first two rungs of the escalation ladder, its channel where
/// its services' news goes, and <see cref="ResponseHours"/> the response it promises to a blocker on it (seed §10's
/// internal dependency SLAs; none, the bot's default). People are named as the map names them; whether they are still in
/// the directory is the map's to say.
/// </summary>
public sealed record Team(string Id, string Name, string? Lead, string? Exec, string Channel, int? ResponseHours = null);

/// <summary>
/// One service, system or data set in the ownership map (seed §10): the team that owns it, the person who answers for it,
/// who is on call, its tier, who approves its Tier 0/1 changes, what it depends on, and its recovery targets (seed §13: how
/// long it may be down, <see cref="Rto"/>, and how much data it may lose, <see cref="Rpo"/>).
/// </summary>
public sealed record OwnedEntry(
    string Id,
    OwnedKind Kind,
    string Name,
    string Team,
    string? Owner,
    string? OnCall,
    string? Approver,
    int Tier,
    string? Channel,
    IReadOnlyList<string> DependsOn,
    TimeSpan? Rto = null,
    TimeSpan? Rpo = null)
{
    /// <summary>Tier 0/1 services rehearse their rollback every quarter and need their approver's yes for a Tier 0/1 change.</summary>
    public bool IsCritical => Tier <= 1;
}
