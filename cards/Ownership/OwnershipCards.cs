using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Ownership;

/// <summary>`/owner`: the map, one entry or team, a KPI's or a control's owners, and the orphans.</summary>
public static class OwnershipCards
{
    /// <summary>More would not fit a Slack message; `/owner <team>` lists a team's entries in full.</summary>
    private const int MaxTeams = 20;

    public static Card Map(OwnershipMap map, PeopleDirectory people)
    {
        var body = new List<CardBlock>();
        foreach (var team in map.Teams.Take(MaxTeams))
        {
            body.Add(new TextBlock($"{team.Name} ({team.Id}) · lead {Name(people, map.LeadOf(team), team.Lead)}", TextStyle.Heading));
            body.Add(new ListBlock(Rows(map, map.OfTeam(team), people)));
        }
        if (map.Teams.Count > MaxTeams) body.Add(new TextBlock($"…and {map.Teams.Count - MaxTeams} more teams; `/owner <team>` shows one.", TextStyle.Subtle));
        var orphans = map.Orphans.Count;
        return new Card("Ownership map", body, [])
        {
            Subtitle = $"Version {map.Version}, effective {map.Effective:yyyy-MM-dd} · {map.Entries.Count} entries, {map.Teams.Count} teams" + (orphans > 0 ? $" · {orphans} orphan(s): `/owner orphans`" : ""),
            Tone = orphans > 0 ? Tone.Warning : Tone.Default,
        };
    }

    public static Card Entry(OwnershipMap map, OwnedEntry entry, PeopleDirectory people)
    {
        var team = map.TeamOf(entry);
        var facts = new List<Fact>
        {
            new("Kind", Kind(entry.Kind)),
            new("Tier", entry.Tier.ToString()),
            new("Team", $"{team.Name} ({team.Id}), lead {Name(people, map.LeadOf(team), team.Lead)}, exec {Name(people, map.ExecOf(team), team.Exec)}"),
            new("Owner", Name(people, map.OwnerOf(entry), entry.Owner)),
            new("On call", Name(people, map.OnCallOf(entry), entry.OnCall)),
            new("Approves Tier 0/1 changes", Name(people, map.ApproverOf(entry), entry.Approver)),
            new("Channel", "#" + map.ChannelOf(entry)),
            new("Depends on", entry.DependsOn.Count == 0 ? "nothing in the map" : string.Join(", ", entry.DependsOn)),
            new("Depended on by", map.DependentsOf(entry) is { Count: > 0 } dependents ? string.Join(", ", dependents.Select(d => d.Id)) : "nothing in the map"),
        };
        var orphan = map.Orphans.FirstOrDefault(o => o.Id == entry.Id);
        return new Card($"{entry.Name} ({entry.Id})", [new FactsBlock(facts)], [])
        {
            Subtitle = orphan is null ? $"Owned by {people.NameOf(map.OwnerOf(entry)!)}" : $"Orphan: {orphan.Reason}; it falls to the team's lead until an admin sets an owner",
            Tone = orphan is null ? Tone.Default : Tone.Warning,
        };
    }

    public static Card Team(OwnershipMap map, Team team, PeopleDirectory people) =>
        new($"Team {team.Name} ({team.Id})",
        [
            new FactsBlock([new("Lead", Name(people, map.LeadOf(team), team.Lead)), new("Exec", Name(people, map.ExecOf(team), team.Exec)), new("Channel", "#" + team.Channel)]),
            new TextBlock("Owns", TextStyle.Heading),
            new ListBlock(Rows(map, map.OfTeam(team), people)),
        ], []);

    public static Card Kpi(Kpi kpi, PeopleDirectory people) =>
        new($"KPI {kpi.Name}", [new FactsBlock([
            new("Owner", kpi.Owner is null ? "nobody (its alerts go to the escalation owner)" : people.NameOf(kpi.Owner) + (kpi.OwnerTitle is { } title ? $" ({title})" : "")),
            new("Backup", kpi.Backup is null ? "none" : people.NameOf(kpi.Backup)),
            new("Source", kpi.Source),
        ])], []) { Subtitle = "Owned in the KPI catalog, changed through `/kpi change`" };

    public static Card Control(ControlDefinition control, PeopleDirectory people) =>
        new($"Control {control.Id} {control.Title}", [new FactsBlock([
            new("Owner", people.NameOf(control.Owner)), new("Backup", people.NameOf(control.Backup)), new("Frameworks", string.Join(", ", control.Frameworks)),
        ])], []) { Subtitle = "Owned in the control catalog" };

    public static Card Load(IReadOnlyList<TeamLoad> teams, DateTimeOffset from, DateTimeOffset to)
    {
        var above = teams.Where(t => t.IsAboveShare).ToList();
        var weeks = (int)Math.Round((to - from).TotalDays / 7);
        return new Card($"Operational load {from:yyyy-MM-dd} to {to.AddDays(-1):yyyy-MM-dd}",
        [
            new TextBlock(above.Count == 0 ? "No team carries more than its share." : "Above their share: " + string.Join(", ", above.Select(t => $"{t.Name} ({Percent(t)})")) + "."),
            new ListBlock(teams.Take(MaxTeams).Select(t =>
                $"{t.Name} · {t.Incidents} incident(s), {t.Pages} page(s), {t.Tasks} task(s), {t.Blockers} blocker(s) on it · {t.Total} in {weeks} week(s), {(t.Total / (decimal)Math.Max(1, weeks)):0.#} a week · {Percent(t)} of its share").ToList()),
            new TextBlock("A team's share is the total load in proportion to how much of the map it owns. Sev1/2 incidents count as pages too.", TextStyle.Subtle),
        ], [])
        {
            Subtitle = $"{teams.Sum(t => t.Total)} in all, from the bot's own records",
            Tone = above.Count == 0 ? Tone.Good : Tone.Warning,
        };
    }

    private static string Percent(TeamLoad team) => team.OfShare == decimal.MaxValue ? "owns nothing in the map" : $"{team.OfShare * 100:0}%";

    public static Card Orphans(OwnershipMap map) =>
        new("Orphans", [new ListBlock(map.Orphans.Count == 0 ? ["None: every entry has an owner in the directory and every team a lead."]
            : map.Orphans.Select(o => $"{o.Id} ({o.What}): {o.Reason}").ToList())], [])
        {
            Subtitle = $"{map.Orphans.Count} orphan(s); an admin fixes one with `/owner set <entry> owner:@…`",
            Tone = map.Orphans.Count == 0 ? Tone.Good : Tone.Warning,
        };

    private static List<string> Rows(OwnershipMap map, IReadOnlyList<OwnedEntry> entries, PeopleDirectory people) => entries.Count == 0 ? ["Nothing."]
        : entries.Select(e => $"{e.Id} · {Kind(e.Kind)}, Tier {e.Tier} · owner {Name(people, map.OwnerOf(e), e.Owner)} · on call {Name(people, map.OnCallOf(e), e.OnCall)}").ToList();

    /// <summary>A person the map names: by name while in the directory, flagged once they have left.</summary>
    private static string Name(PeopleDirectory people, string? resolved, string? named) =>
        resolved is not null ? people.NameOf(resolved) : named is null ? "nobody" : $"{named} (not in the directory)";

    private static string Kind(OwnedKind kind) => kind switch { OwnedKind.DataSet => "data set", var k => k.ToString().ToLowerInvariant() };
}
