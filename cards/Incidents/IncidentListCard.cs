using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Incidents;

public static class IncidentListCard
{
    public static Card Build(IReadOnlyList<Incident> incidents, bool includeClosed, PeopleDirectory people)
    {
        var title = includeClosed ? "All incidents" : "Open incidents";
        if (incidents.Count == 0)
            return new Card(title, [new TextBlock(includeClosed ? "No incidents yet." : "No open incidents.")], []) { Tone = Tone.Good };
        var rows = incidents.Select(i => $"{i.Id} · {i.Data.Severity.Label()} · {i.Data.State} · {i.Data.Title} · IC {IncidentCard.NameOf(people, i.Data.Commander)}").ToList();
        return new Card(title, [new ListBlock(rows)], []) { Subtitle = $"{incidents.Count} incident(s)" };
    }
}
