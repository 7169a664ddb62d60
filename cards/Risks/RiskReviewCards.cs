using System.Globalization;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Cards.Risks;

/// <summary>The weekly risk review: the agenda, and one card per risk with Accept, Escalate, Fund and Close.</summary>
public static class RiskReviewCards
{
    public static Card Agenda(IReadOnlyList<AgendaItem> agenda, DateOnly day, PeopleDirectory people) =>
        new($"Weekly risk review · {day:yyyy-MM-dd}",
            [new ListBlock(agenda.Count == 0 ? ["Nothing on the agenda: no red risks, overdue mitigations, expiring acceptances or missed reviews."]
                : agenda.Select(i => $"{i.Risk.Id} {i.Risk.Title} · {RiskFormat.Rating(i.Risk.Rating)} · exposure {RiskFormat.Money(i.Risk.Exposure)} · owner {people.NameOf(i.Risk.Owner)}: {string.Join("; ", i.Reasons)}").ToList())],
            [])
        {
            Subtitle = agenda.Count > RiskService.ReviewItems ? $"{agenda.Count} risks; the first {RiskService.ReviewItems} have cards below" : $"{agenda.Count} risk(s)",
            Tone = agenda.Count == 0 ? Tone.Good : Tone.Warning,
        };

    /// <summary>The item card as the risk stands on <paramref name="today"/>.</summary>
    public static Card Item(Risk risk, DateOnly today, PeopleDirectory people) => Item(risk, RiskAgenda.Reasons(risk.Data, today), people);

    public static Card Item(Risk risk, IReadOnlyList<string> reasons, PeopleDirectory people)
    {
        var data = risk.Data;
        var reference = new Dictionary<string, string> { [RiskActions.Risk] = data.Id, [RiskActions.Version] = risk.Version.ToString(CultureInfo.InvariantCulture) };
        return new Card($"{data.Id} · {data.Title}",
        [
            new FactsBlock([
                new("On the agenda for", reasons.Count == 0 ? "nothing any more" : string.Join("; ", reasons)),
                new("Rating", $"{RiskFormat.Rating(data.Rating)} · exposure {RiskFormat.Money(data.Exposure)}"),
                new("Owner / sponsor", $"{people.NameOf(data.Owner)} / {people.NameOf(data.Sponsor)}"),
                new("Last decision", data.Decisions.LastOrDefault() is { } d ? $"{d.What} ({people.NameOf(d.By)}, {d.At:yyyy-MM-dd})" : "none"),
            ]),
        ],
        data.IsClosed ? [] :
        [
            new FormButton("Accept", RiskActions.ReviewAccept, reference,
                [new TextInput(RiskActions.Until, "Accept until (YYYY-MM-DD)", MaxLength: 10), new TextInput(RiskActions.Reason, "Why", Multiline: true, MaxLength: 500)], "Ask the sponsor"),
            new ActionButton("Escalate", RiskActions.ReviewEscalate, reference),
            new FormButton("Fund", RiskActions.ReviewFund, reference, [new TextInput(RiskActions.Note, "What is funded (amount, for what)", Multiline: true, MaxLength: 500)], "Fund"),
            new FormButton("Close", RiskActions.ReviewClose, reference, [new TextInput(RiskActions.Date, "Next review (YYYY-MM-DD)", MaxLength: 10)], "Close"),
        ])
        {
            Subtitle = data.State.ToString(),
            Tone = RiskFormat.Tone(data.Rating),
        };
    }
}
