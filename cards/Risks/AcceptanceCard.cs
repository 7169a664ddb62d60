using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Cards.Risks;

/// <summary>A request to accept a risk, for its sponsor: Accept or Reject while it waits, the decision for everyone after.</summary>
public static class AcceptanceCard
{
    public static Card Build(Risk risk, AcceptanceData acceptance, PeopleDirectory people)
    {
        var data = risk.Data;
        var facts = new List<Fact>
        {
            new("Risk", $"{data.Id} · {data.Title}"),
            new("Rating", $"{RiskFormat.Rating(data.Rating)} · exposure {RiskFormat.Money(data.Exposure)}"),
            new("Accept until", acceptance.Until.ToString("yyyy-MM-dd")),
            new("Reason", acceptance.Reason),
            new("Requested by", $"{people.NameOf(acceptance.RequestedBy)}, {acceptance.RequestedAt:yyyy-MM-dd HH:mm} UTC"),
            new("State", acceptance.State.ToString()),
        };
        if (acceptance.DecidedBy is { } by) facts.Add(new("Decided by", $"{people.NameOf(by)}, {acceptance.DecidedAt:yyyy-MM-dd HH:mm} UTC" + (acceptance.Note is { } n ? $": {n}" : "")));
        var reference = RiskActions.Reference(risk, RiskActions.AboutAcceptance, acceptance.Number);
        var buttons = ApprovalButtons.While(acceptance.AwaitsSponsor, "Accept", RiskActions.Accept, RiskActions.Reject, RiskActions.Note, reference);
        return new Card($"Accept {data.Id}?", [new FactsBlock(facts)], buttons)
        {
            Subtitle = acceptance.AwaitsSponsor ? $"Waiting for {people.NameOf(data.Sponsor)}" : acceptance.State.ToString(),
            Tone = acceptance.AwaitsSponsor ? Tone.Accent : acceptance.IsInForce ? Tone.Good : Tone.Default,
            Refresh = new CardRefresh(RiskActions.Refresh, reference.Where(p => p.Key != RiskActions.Version).ToDictionary()),
            Actors = risk.Sponsors,
        };
    }
}
