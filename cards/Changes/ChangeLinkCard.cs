using ExecOps.Workflows.Changes;

namespace ExecOps.Cards.Changes;

/// <summary>The IC's question: did this change cause the incident? Linking makes it a failed change.</summary>
public static class ChangeLinkCard
{
    public const string Link = "change.link";
    public const string Incident = "incident";

    public static Card Build(ExecOps.Workflows.Changes.Change change, string incident)
    {
        var data = change.Data;
        var linked = data.LinkedIncidents.Contains(incident);
        return new Card($"{incident} and {data.Id}?", [new FactsBlock([
            new("Change", $"{data.Id} · Tier {data.Tier} · {data.Title}"),
            new("Service", data.Service),
            new("State", data.State + (data.FinishedAt is { } at ? $", finished {at:yyyy-MM-dd HH:mm} UTC" : "")),
            new("Linked", linked ? $"yes: {data.Id} counts as a failed change" : "not yet"),
        ])],
        linked ? [] : [new ActionButton($"Link {incident} to {data.Id}", Link, new Dictionary<string, string> { [ChangeCard.Change] = data.Id, [Incident] = incident }, ButtonStyle.Destructive)])
        {
            Subtitle = "Did this change cause the incident? Only the IC confirms.",
            Tone = linked ? Tone.Attention : Tone.Warning,
        };
    }
}
