namespace ExecOps.Workflows.Ownership;

/// <summary>
/// One field of the map changed from chat by an admin (`/owner set payments owner:@lee`): what, to what, by whom and when.
/// The value is already checked (a person in the directory, a team in the map, a tier from 0 to 3) when it is made.
/// </summary>
public sealed record OwnershipAmendment(string Target, bool OfTeam, string Field, string Value, string By, DateTimeOffset At)
{
    /// <summary>The fields an entry's amendment may change, and a team's.</summary>
    public static readonly IReadOnlyList<string> EntryFields = ["owner", "oncall", "approver", "team", "tier", "channel"];
    public static readonly IReadOnlyList<string> TeamFields = ["lead", "exec", "channel"];

    public OwnedEntry ApplyTo(OwnedEntry entry) => Field switch
    {
        "owner" => entry with { Owner = Value },
        "oncall" => entry with { OnCall = Value },
        "approver" => entry with { Approver = Value },
        "team" => entry with { Team = Value },
        "tier" => entry with { Tier = int.Parse(Value) },
        "channel" => entry with { Channel = Value },
        _ => entry,
    };

    public Team ApplyTo(Team team) => Field switch
    {
        "lead" => team with { Lead = Value },
        "exec" => team with { Exec = Value },
        "channel" => team with { Channel = Value },
        _ => team,
    };
}

/// <summary>The stored amendments, with the map version they were made on: a newer file supersedes them.</summary>
public sealed class OwnershipAmendments
{
    public int MapVersion { get; set; }
    public List<OwnershipAmendment> Made { get; set; } = [];
}
