using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Cards.Risks;

/// <summary>`/risk show RISK-n`: everything about one risk, with its evidence resolved to what it names.</summary>
public static class RiskCard
{
    public static Card Build(Risk risk, PeopleDirectory people, Func<string, string> evidence)
    {
        var data = risk.Data;
        var facts = new List<Fact>
        {
            new("Rating", $"{RiskFormat.Rating(data.Rating)} (p {RiskFormat.Percent(data.Probability)} × {RiskFormat.Money(data.ImpactUsd)} = exposure {RiskFormat.Money(data.Exposure)})"),
            new("State", data.State.ToString()),
            new("Category", data.Category.ToString()),
            new("Customer impact", data.CustomerImpact.Length > 0 ? data.CustomerImpact : "not stated"),
            new("Owner", people.NameOf(data.Owner)),
            new("Sponsor", people.NameOf(data.Sponsor)),
            new("Next review", data.NextReview?.ToString("yyyy-MM-dd") ?? "not set"),
            new("Leading indicators", data.Indicators.Count == 0 ? "none named" : string.Join("; ", data.Indicators)),
            new("Evidence", data.Evidence.Count == 0 ? "none yet" : string.Join(", ", data.Evidence.Distinct().Select(evidence))),
        };
        if (data.Acceptances.LastOrDefault() is { } acceptance)
            facts.Add(new("Acceptance", $"{acceptance.State.ToString().ToLowerInvariant()} until {acceptance.Until:yyyy-MM-dd} ({acceptance.Reason})"));
        var body = new List<CardBlock> { new FactsBlock(facts) };
        body.Add(new TextBlock("Mitigations", TextStyle.Heading));
        body.Add(new ListBlock(data.Mitigations.Count == 0 ? ["None yet."] : data.Mitigations.Select(m =>
            $"{m.Number}. {m.Action} · {people.NameOf(m.Owner)} · due {m.Due:yyyy-MM-dd} · " +
            (m.Status == MitigationStatus.Done ? $"done {m.DoneAt:yyyy-MM-dd}, evidence {evidence(m.Evidence!)}" : "planned")).ToList()));
        if (data.Escalations.Count > 0)
        {
            body.Add(new TextBlock("Escalations", TextStyle.Heading));
            body.Add(new ListBlock(data.Escalations.Select(e => $"{e.Number}. {e.Reason} · " +
                (e.Decision is { } d ? $"{d} by {people.NameOf(e.DecidedBy!)}: {e.Detail}" : $"waiting for {(e.WentUp ? "the CEO" : people.NameOf(data.Sponsor))}")).ToList()));
        }
        if (data.Decisions.Count > 0)
        {
            body.Add(new TextBlock("Decisions", TextStyle.Heading));
            body.Add(new ListBlock(data.Decisions.TakeLast(10).Select(d => $"{d.At:yyyy-MM-dd HH:mm} · {people.NameOf(d.By)} · {d.What} (rated {d.RatingThen})").ToList()));
        }
        return new Card($"{data.Id} · {data.Title}", body, [])
        {
            Subtitle = $"{RiskFormat.Rating(data.Rating)} · exposure {RiskFormat.Money(data.Exposure)}",
            Tone = RiskFormat.Tone(data.Rating),
        };
    }
}
