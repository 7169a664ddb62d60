using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Incidents;

/// <summary>The incident card: where it stands, who holds which seat, and buttons for what may happen next.</summary>
public static class IncidentCard
{
    public static Card Build(Incident incident, PeopleDirectory people)
    {
        var data = incident.Data;
        var facts = new List<Fact>
        {
            new("State", data.State.ToString()),
            new("Severity", data.Severity.Label()),
        };
        facts.AddRange(Enum.GetValues<IncidentRole>().Select(role => new Fact(role.Label(), NameOf(people, data.Roles.GetValueOrDefault(role)))));
        if (data.Service is not null) facts.Add(new("Service", data.Service));
        facts.Add(new("Impact", data.Impact ?? "not stated"));
        facts.Add(new("Declared", $"{data.DeclaredAt:yyyy-MM-dd HH:mm} UTC"));
        if (data.NextUpdateDue is { } due) facts.Add(new("Next update due", $"{due:HH:mm} UTC{(data.MissedUpdates > 0 ? $" (overdue, {data.MissedUpdates} missed)" : "")}"));
        if (data.StatusPage is { } page) facts.Add(new("Status page", page.Url ?? (page.Id is null ? "publishing…" : page.Id)));
        if (data.PostmortemDue is { } pm && data.AwaitsPostmortem) facts.Add(new("Postmortem due", $"{pm:yyyy-MM-dd HH:mm} UTC"));

        var body = new List<CardBlock> { new FactsBlock(facts) };
        if (data.Notices.Count > 0)
        {
            body.Add(new TextBlock("Customer notices", TextStyle.Heading));
            body.Add(new ListBlock(NoticeLines.Of(data, people)));
        }
        if (data.LastUpdate is { } update) body.Add(new TextBlock($"Latest update ({data.LastUpdateAt:HH:mm} UTC): {update}"));
        if (data.Postmortem is { } postmortem)
            body.Add(new TextBlock($"Postmortem: cause {postmortem.RootCause ?? "—"}; {postmortem.Prevention.Count} prevention item(s), {postmortem.Prevention.Count(p => p.Systemic)} systemic." +
                (data.Notices.Count > 0 ? $" Customer notices: {incident.NoticeRecord}." : ""), TextStyle.Subtle));

        return new Card($"{data.Id} · {data.Severity.Label()} · {data.Title}", body, Buttons(incident))
        {
            Subtitle = $"{data.State} · IC {NameOf(people, data.Commander)}",
            Tone = ToneOf(incident),
            Refresh = new CardRefresh(IncidentActions.IncidentRefresh, new Dictionary<string, string> { [IncidentActions.Data.Incident] = data.Id }),
            Actors = data.Roles.Values.Concat(people.WithRole(Roles.IncidentCommander).Select(p => p.Id)).Distinct().ToList(),
        };
    }

    private static List<CardButton> Buttons(Incident incident)
    {
        var data = Reference(incident);
        var buttons = new List<CardButton>();
        buttons.AddRange(incident.NextSteps.Select(step => new ActionButton(
            StepTitle(step), IncidentActions.IncidentStep(step.ToString()), data,
            step is IncidentTrigger.Resolve or IncidentTrigger.Close ? ButtonStyle.Positive : ButtonStyle.Default)));
        if (incident.Can(IncidentTrigger.PostUpdate))
            buttons.Add(new FormButton("Post update", IncidentActions.IncidentUpdate, data,
                [new TextInput(IncidentActions.Data.Text, "Status update", Placeholder: "What we know, what we are doing, what is next", Multiline: true, MaxLength: 2000)], "Post"));
        if (incident.Can(IncidentTrigger.RecordPostmortem))
            buttons.Add(new FormButton("Postmortem", IncidentActions.IncidentPostmortem, data,
            [
                new TextInput(IncidentActions.Data.Cause, "Root-cause category", Placeholder: "config-change, capacity, dependency…", MaxLength: 60),
                new TextInput(IncidentActions.Data.Summary, "Summary", Multiline: true, MaxLength: 2000),
                new TextInput(IncidentActions.Data.Systemic, "Systemic prevention item", Placeholder: "What stops this class of failure", MaxLength: 500),
            ], "Record"));
        return buttons;
    }

    /// <summary>What every incident button carries: which incident, and the version the reader saw.</summary>
    public static IReadOnlyDictionary<string, string> Reference(Incident incident) => new Dictionary<string, string>
    {
        [IncidentActions.Data.Incident] = incident.Id,
        [IncidentActions.Data.Version] = incident.Version.ToString(),
    };

    internal static string NameOf(PeopleDirectory people, string? id) =>
        id is null ? "unassigned" : people.NameOf(id);

    private static string StepTitle(IncidentTrigger step) => step switch
    {
        IncidentTrigger.Investigate => "Investigating",
        IncidentTrigger.Identify => "Cause identified",
        IncidentTrigger.Mitigate => "Mitigated",
        IncidentTrigger.Resolve => "Resolve",
        IncidentTrigger.Close => "Close",
        IncidentTrigger.Reopen => "Reopen",
        _ => step.ToString(),
    };

    private static Tone ToneOf(Incident incident) =>
        incident.Data.IsOver ? Tone.Good
        : incident.Data.IsMitigated || incident.Data.Severity > Severity.Sev2 ? Tone.Warning
        : Tone.Attention;
}
