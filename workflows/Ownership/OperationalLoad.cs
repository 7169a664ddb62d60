using ExecOps.Workflows.Blockers;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Ownership;

/// <summary>
/// One team's operational load over some weeks, from the bot's own records: incidents on what it owns (Sev1/2 count as pages
/// too: they wake its on-call), tasks (each one a ticket) given to its people, and blockers other teams raised on it.
/// Its share is the total load in proportion to how much of the map it owns.
/// </summary>
public sealed record TeamLoad(string Team, string Name, int Incidents, int Pages, int Tasks, int Blockers, decimal Share)
{
    public int Total => Incidents + Pages + Tasks + Blockers;

    /// <summary>The load as a share of what its part of the map would carry; a team owning nothing that still carries load is far above.</summary>
    public decimal OfShare => Share == 0 ? (Total == 0 ? 0 : decimal.MaxValue) : Total / Share;

    public bool IsAboveShare => Total > 0 && OfShare > 1;
}

/// <summary>Reads each team's load between two moments; people belong to the team they lead, else to that of the first entry they own or are on call for.</summary>
public static class OperationalLoad
{
    public static async Task<IReadOnlyList<TeamLoad>> ForAsync(ReadScope scope, OwnershipMap map, DateTimeOffset from, DateTimeOffset to)
    {
        bool In(DateTimeOffset at) => at >= from && at < to;
        var incidents = (await scope.Aggregates.ListAsync<IncidentData>(Incident.Kind)).Select(s => s.Body).Where(i => In(i.DeclaredAt) && map.Find(i.Service) is not null).ToList();
        var tasks = (await scope.Aggregates.ListAsync<FollowUp>(FollowUp.Kind)).Select(s => s.Body).Where(t => In(t.CreatedAt)).ToList();
        var blockers = (await scope.Aggregates.ListAsync<BlockerData>(Blocker.Kind)).Select(s => s.Body).Where(b => In(b.OpenedAt)).ToList();
        var home = HomeTeams(map);
        var counts = map.Teams.Select(team =>
        {
            var mine = incidents.Where(i => map.Find(i.Service)!.Team == team.Id).ToList();
            return (Team: team, Incidents: mine.Count, Pages: mine.Count(i => i.Severity <= Severity.Sev2),
                Tasks: tasks.Count(t => home.GetValueOrDefault(t.Owner) == team.Id), Blockers: blockers.Count(b => b.Team == team.Id));
        }).ToList();
        var total = counts.Sum(c => c.Incidents + c.Pages + c.Tasks + c.Blockers);
        return counts.Select(c => new TeamLoad(c.Team.Id, c.Team.Name, c.Incidents, c.Pages, c.Tasks, c.Blockers,
                total * (decimal)map.OfTeam(c.Team).Count / Math.Max(1, map.Entries.Count)))
            .OrderByDescending(l => l.OfShare).ThenBy(l => l.Team).ToList();
    }

    private static Dictionary<string, string> HomeTeams(OwnershipMap map)
    {
        var home = new Dictionary<string, string>();
        foreach (var team in map.Teams)
            if (map.LeadOf(team) is { } lead) home.TryAdd(lead, team.Id);
        foreach (var entry in map.Entries)
            foreach (var person in new[] { map.OwnerOf(entry), map.OnCallOf(entry) }.OfType<string>())
                home.TryAdd(person, entry.Team);
        return home;
    }
}
