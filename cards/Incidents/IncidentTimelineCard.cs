using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Cards.Incidents;

public static class IncidentTimelineCard
{
    public static Card Build(Incident incident, IReadOnlyList<TimelineEntry> timeline, PeopleDirectory people) =>
        new($"Timeline · {incident.Id} · {incident.Data.Title}",
            [new ListBlock(timeline.Select(e => $"{e.At:yyyy-MM-dd HH:mm:ss} · {IncidentCard.NameOf(people, e.Actor)} · {e.Kind}: {e.Text}").ToList())],
            [])
        { Subtitle = $"{timeline.Count} event(s)" };
}
