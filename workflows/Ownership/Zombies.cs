using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Spend;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Ownership;

/// <summary>
/// Zombie systems (seed §10): entries of the map with no change envelope, no incident, no spend, no drill and nothing done by
/// their owner for the window. What each last saw is read from the bot's own records, so nothing has to be reported to it.
/// </summary>
public static class Zombies
{
    public static async Task<IReadOnlyList<Zombie>> FindAsync(UnitOfWork unit, OwnershipMap map, int days)
    {
        var since = unit.Now.AddDays(-days);
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        void Saw(string? entry, DateTimeOffset? at)
        {
            if (entry is not null && at is { } when && (!last.TryGetValue(entry, out var seen) || when > seen)) last[entry] = when;
        }
        foreach (var change in (await unit.Aggregates.ListAsync<ChangeData>(Change.Kind)).Select(s => s.Body)) Saw(change.Service, change.FinishedAt ?? change.CreatedAt);
        foreach (var incident in (await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind)).Select(s => s.Body)) Saw(incident.Service, incident.DeclaredAt);
        var today = DateOnly.FromDateTime(unit.Now.UtcDateTime);
        foreach (var spent in await unit.Spend.TotalsAsync(today.AddDays(-days), today, SpendDayTotal.Service))
            if (spent.Amount != 0) Saw(spent.Name, new DateTimeOffset(spent.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var zombies = new List<Zombie>();
        foreach (var entry in map.Entries)
        {
            if ((await unit.Aggregates.FindAsync<DrillHistory>(Drills.Kind, entry.Id))?.Body.Results.LastOrDefault() is { } drill) Saw(entry.Id, drill.At);
            if (map.OwnerOf(entry) is { } owner)
                Saw(entry.Id, (await unit.Audit.ListAsync(entry.Id)).Where(a => a.Actor == owner && a.Outcome == AuditRows.Allowed).Select(a => (DateTimeOffset?)a.At).LastOrDefault());
            var seen = last.TryGetValue(entry.Id, out var at) ? at : (DateTimeOffset?)null;
            if (seen is null || seen < since) zombies.Add(new Zombie(entry.Id, entry.Name, map.OwnerOf(entry), seen));
        }
        return zombies;
    }
}
