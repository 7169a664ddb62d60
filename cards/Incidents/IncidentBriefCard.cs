using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Incidents;

/// <summary>The exec briefing (seed §6): impact, mitigation, owner and when the next word comes.</summary>
public static class IncidentBriefCard
{
    public static Card Build(Incident incident, PeopleDirectory people, DateTimeOffset now)
    {
        var data = incident.Data;
        var running = (data.ResolvedAt ?? now) - data.DeclaredAt;
        var facts = new List<Fact>
        {
            new("Status", data.ResolvedAt is null ? $"{data.State}, declared {Duration(running)} ago" : $"{data.State}, {Duration(running)} from declaration to resolution"),
            new("Customer impact", data.Impact ?? "not stated"),
            new("Mitigation", data.LastUpdate ?? "no update posted yet"),
            new("Owner (IC)", IncidentCard.NameOf(people, data.Commander)),
            new("Next update", data.NextUpdateDue is { } due ? $"{due:HH:mm} UTC" : "none owed"),
        };
        if (data.Service is not null) facts.Insert(1, new("Service", data.Service));
        var body = new List<CardBlock> { new TextBlock(data.Title, TextStyle.Heading), new FactsBlock(facts) };
        if (data.Notices.Count > 0)
        {
            body.Add(new TextBlock("Customer notices", TextStyle.Heading));
            body.Add(new ListBlock(NoticeLines.Of(data, people)));
        }
        return new Card($"Exec brief · {data.Id} · {data.Severity.Label()}", body, [])
        {
            Tone = data.Severity <= Severity.Sev2 && data.IsOpen ? Tone.Attention : Tone.Default,
        };
    }

    internal static string Duration(TimeSpan span) => Workflows.Reports.Markdown.Duration(span);
}
