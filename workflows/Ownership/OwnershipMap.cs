using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Ownership;

/// <summary>A service or team the map cannot answer for: nobody owns it, or its owner has left the directory.</summary>
public sealed record Orphan(string Id, string What, string Reason);

/// <summary>
/// The one ownership map (seed §10): every area asks it who owns, runs, approves and answers for a service, a system or a
/// data set, and who leads each team. One versioned file, read at start-up and refused whole if anything in it is wrong;
/// admins amend it from chat, and readers see the map before an amendment or after it, never half of one.
/// People who have left the directory do not stop start-up: what they owned is an orphan, flagged, and falls to the team's lead.
/// </summary>
public sealed partial class OwnershipMap
{
    private readonly Lock amending = new();
    private readonly PeopleDirectory people;
    private volatile Holdings holdings;

    private sealed record Holdings(IReadOnlyList<Team> Teams, IReadOnlyList<OwnedEntry> Entries);

    private OwnershipMap(int version, DateOnly effective, IReadOnlyList<Team> teams, IReadOnlyList<OwnedEntry> entries, PeopleDirectory people)
    {
        Version = version;
        Effective = effective;
        holdings = new Holdings(teams, entries);
        this.people = people;
    }

    public int Version { get; }
    public DateOnly Effective { get; }
    public IReadOnlyList<Team> Teams => holdings.Teams;
    public IReadOnlyList<OwnedEntry> Entries => holdings.Entries;

    public OwnedEntry? Find(string? name) => name is null ? null : Entries.FirstOrDefault(e => Same(e.Id, name));

    /// <summary>The entry named, or a refusal that lists what the map knows.</summary>
    public OwnedEntry Require(string name) => Find(name) ?? throw new RefusedException(RefusalKind.NotFound,
        $"service:{name} is not in the ownership map. Known: {string.Join(", ", Entries.Select(e => e.Id).Order())}; `/owner` shows the map.");

    public Team? FindTeam(string? name) => name is null ? null : Teams.FirstOrDefault(t => Same(t.Id, name));

    /// <summary>The entry's team; the map is refused at start-up when an entry names a team it does not list.</summary>
    public Team TeamOf(OwnedEntry entry) => FindTeam(entry.Team)!;

    /// <summary>The entry's owner while they are in the directory; nobody once they have left.</summary>
    public string? OwnerOf(OwnedEntry entry) => InDirectory(entry.Owner);

    /// <summary>Who is paged for the entry: its on-call, else its owner, else its team's lead.</summary>
    public string? OnCallOf(OwnedEntry entry) => InDirectory(entry.OnCall) ?? AnswersFor(entry);

    /// <summary>Who approves the entry's Tier 0/1 changes: its approver, else its owner, else its team's lead.</summary>
    public string? ApproverOf(OwnedEntry entry) => InDirectory(entry.Approver) ?? AnswersFor(entry);

    /// <summary>Who answers for the entry: its owner, else (an orphan) its team's lead.</summary>
    public string? AnswersFor(OwnedEntry entry) => OwnerOf(entry) ?? LeadOf(TeamOf(entry));

    public string ChannelOf(OwnedEntry entry) => entry.Channel ?? TeamOf(entry).Channel;

    public string? LeadOf(Team team) => InDirectory(team.Lead);

    public string? ExecOf(Team team) => InDirectory(team.Exec);

    /// <summary>What depends on the entry, directly.</summary>
    public IReadOnlyList<OwnedEntry> DependentsOf(OwnedEntry entry) => Entries.Where(e => e.DependsOn.Any(d => Same(d, entry.Id))).ToList();

    public IReadOnlyList<OwnedEntry> OfTeam(Team team) => Entries.Where(e => Same(e.Team, team.Id)).ToList();

    /// <summary>Entries nobody owns or whose owner has left, and teams whose lead has left.</summary>
    public IReadOnlyList<Orphan> Orphans =>
        Entries.Select(e => e.Owner is null ? new Orphan(e.Id, e.Name, "no owner is named")
                : OwnerOf(e) is null ? new Orphan(e.Id, e.Name, $"its owner \"{e.Owner}\" is not in the directory any more") : null)
            .Concat(Teams.Select(t => t.Lead is null ? new Orphan(t.Id, $"team {t.Name}", "no lead is named")
                : LeadOf(t) is null ? new Orphan(t.Id, $"team {t.Name}", $"its lead \"{t.Lead}\" is not in the directory any more") : null))
            .OfType<Orphan>().ToList();

    /// <summary>Puts an amendment in force; readers see the map before it or after it, never half of it.</summary>
    public void Apply(OwnershipAmendment amendment)
    {
        lock (amending)
            holdings = amendment.OfTeam
                ? holdings with { Teams = Teams.Select(t => Same(t.Id, amendment.Target) ? amendment.ApplyTo(t) : t).ToList() }
                : holdings with { Entries = Entries.Select(e => Same(e.Id, amendment.Target) ? amendment.ApplyTo(e) : e).ToList() };
    }

    private string? InDirectory(string? handle) => people.Find(handle)?.Id;

    private static bool Same(string a, string b) => a.Equals(b.Trim(), StringComparison.OrdinalIgnoreCase);
}
