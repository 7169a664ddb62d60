using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Cards.Risks;

/// <summary>An escalation for the sponsor (or the CEO, once it went up): what was missed, by whom, the exposure and evidence, and the four decisions.</summary>
public static class EscalationCard
{
    public static Card Build(Risk risk, EscalationData escalation, PeopleDirectory people)
    {
        var data = risk.Data;
        var facts = new List<Fact>
        {
            new("What was missed", escalation.Reason),
            new("Risk", $"{data.Id} · {data.Title}"),
            new("Rating", $"{RiskFormat.Rating(data.Rating)} · exposure {RiskFormat.Money(data.Exposure)}"),
            new("Owner", people.NameOf(data.Owner)),
            new("Evidence", data.Evidence.Count == 0 ? "none yet" : string.Join(", ", data.Evidence)),
            new("With", escalation.IsDecided ? "decided" : escalation.WentUp ? $"{people.NameOf(risk.Settings.DefaultOwner)} (no answer from the sponsor in time)" : people.NameOf(data.Sponsor)),
        };
        if (escalation.Decision is { } decision) facts.Add(new("Decision", $"{decision} by {people.NameOf(escalation.DecidedBy!)}, {escalation.DecidedAt:yyyy-MM-dd HH:mm} UTC: {escalation.Detail}"));
        var reference = RiskActions.Reference(risk, RiskActions.AboutEscalation, escalation.Number);
        var buttons = new List<CardButton>();
        var deciders = risk.EscalationDeciders(escalation);
        if (deciders.Count > 0)
        {
            buttons.Add(new ActionButton("Approve plan", RiskActions.ApprovePlan, reference, ButtonStyle.Positive));
            if (escalation.Mitigation is not null)
                buttons.Add(new FormButton("Extend", RiskActions.Extend, reference, [new TextInput(RiskActions.Date, "New due date (YYYY-MM-DD)", MaxLength: 10)], "Extend"));
            buttons.Add(new FormButton("Fund", RiskActions.Fund, reference, [new TextInput(RiskActions.Note, "What is funded (amount, for what)", Multiline: true, MaxLength: 500)], "Fund"));
            buttons.Add(new FormButton("Reassign", RiskActions.Reassign, reference, [new TextInput(RiskActions.Person, "Reassign to (directory id)", MaxLength: 64)], "Reassign"));
        }
        return new Card($"Escalation · {data.Id} · {data.Title}", [new FactsBlock(facts)], buttons)
        {
            Subtitle = escalation.IsDecided ? $"Decided: {escalation.Decision}" : "Needs a decision",
            Tone = escalation.IsDecided ? Tone.Good : Tone.Attention,
            Refresh = new CardRefresh(RiskActions.Refresh, reference.Where(p => p.Key != RiskActions.Version).ToDictionary()),
            // Once decided nobody may press, but the sponsor's side still reads the card as theirs.
            Actors = deciders.Count > 0 ? deciders : risk.Sponsors,
        };
    }
}
