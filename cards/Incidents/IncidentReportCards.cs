using ExecOps.Workflows.Incidents;

namespace ExecOps.Cards.Incidents;

/// <summary>The monthly trend report and the repeat-offender list (seed §6).</summary>
public static class IncidentReportCards
{
    public static Card Trends(IncidentTrends trends)
    {
        var facts = trends.BySeverity.Select(s => new Fact(s.Severity.Label(),
            $"{s.Count} incident(s), MTTR {(s.MedianTimeToResolve is { } mttr ? IncidentBriefCard.Duration(mttr) : "—")}")).ToList();
        var body = new List<CardBlock>
        {
            new FactsBlock(facts),
            new TextBlock("Recurring root causes", TextStyle.Heading),
            new ListBlock(trends.RecurringCauses.Count == 0 ? ["none"] : trends.RecurringCauses),
            new TextBlock("Customer impact", TextStyle.Heading),
            new ListBlock(trends.CustomerImpacts.Count == 0 ? ["none recorded"] : trends.CustomerImpacts),
        };
        return new Card($"Incident trends · {trends.Year}-{trends.Month:00}", body, []) { Subtitle = $"{trends.Total} incident(s) declared" };
    }

    public static Card RepeatOffenders(IReadOnlyList<RepeatOffender> offenders) =>
        new("Repeat offenders · last 90 days",
            [offenders.Count == 0
                ? new TextBlock("No root cause has recurred in the last 90 days.")
                : new ListBlock(offenders.Select(o => $"{o.RootCause}: {o.Incidents.Count} incidents ({string.Join(", ", o.Incidents)}) → hardening backlog").ToList())],
            [])
        { Tone = offenders.Count == 0 ? Tone.Good : Tone.Warning };

    public static Card Comms(Incident incident, string channel, string message) =>
        new($"{Label(channel)} draft · {incident.Id}", [new TextBlock(message)], [])
        { Subtitle = $"Pre-approved {incident.Data.Severity.Label()} template; review before sending." };

    /// <summary>The confirmation before the words go public: what will be posted, where, and one button to post it.</summary>
    public static Card StatusPagePreview(Incident incident, string message, string? component)
    {
        var post = incident.Data.StatusPage;
        var what = post?.Id is null && post is not { Published: > 0 } ? "opens a status-page incident" : $"updates the status-page incident{(post?.Url is { } url ? $" ({url})" : "")}";
        return new($"Publish to the status page · {incident.Id}", [new TextBlock(message), new TextBlock($"Publishing {what}{(component is null ? "" : $" and marks {component}")}; subscribers are notified.", TextStyle.Subtle)],
            [new ActionButton("Publish", IncidentActions.IncidentPublishStatus, IncidentCard.Reference(incident), ButtonStyle.Positive)])
        { Subtitle = $"Pre-approved {incident.Data.Severity.Label()} template · the IC or Comms lead publishes" };
    }

    private static string Label(string channel) => channel switch
    {
        "statuspage" => "Status page",
        "email" => "Customer email",
        _ => "In-app banner",
    };
}
