using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Cards.Risks;

/// <summary>`/risk top`: the ten largest exposures with rating, owner, next action and its due date.</summary>
public static class RiskTopCard
{
    public static Card Build(IReadOnlyList<RiskData> risks, PeopleDirectory people)
    {
        var rows = risks.Select((r, i) =>
        {
            var next = r.Mitigations.Where(m => m.Status == MitigationStatus.Planned).OrderBy(m => m.Due).FirstOrDefault();
            return $"{i + 1}. {r.Id} {r.Title} · {RiskFormat.Rating(r.Rating)} · exposure {RiskFormat.Money(r.Exposure)} · owner {people.NameOf(r.Owner)} · " +
                (next is null ? "no mitigation planned" : $"next: {next.Action} by {next.Due:yyyy-MM-dd}") + (r.IsAccepted ? " · accepted" : "");
        }).ToList();
        return new Card("Top risks by exposure", [new ListBlock(rows.Count == 0 ? ["The register is empty. Add a risk with `/risk add`."] : rows)], [])
        {
            Subtitle = $"{risks.Count} of the register's open and accepted risks",
            Tone = risks.Any(r => r.Rating.IsRed()) ? Tone.Attention : Tone.Default,
        };
    }
}
