using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Compliance;

/// <summary>`/compliance status` and the weekly post: every control's colour, owner and what is due, red first.</summary>
public static class ComplianceStatusCard
{
    public static Card Build(IReadOnlyList<ControlStanding> controls, PeopleDirectory people, string title = "Control health")
    {
        var red = controls.Count(c => c.Data.IsRed);
        var rows = controls.OrderBy(c => c.Data.IsRed ? 0 : 1).Select(c =>
            $"{c.Definition.Id} {c.Definition.Title} · {ComplianceFormat.Colour(c.Data)} · owner {people.NameOf(c.Definition.Owner)} · " +
            string.Join("; ", c.Health.Select(ComplianceFormat.Due)) +
            (c.Data.ExceptionInForce is { } e ? $" · exception until {e.Until:yyyy-MM-dd}" : "")).ToList();
        var counts = controls.GroupBy(c => c.Data.Colour).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        return new Card(title, [new TextBlock(string.Join(", ", counts)), new ListBlock(rows)], [])
        {
            Subtitle = $"{controls.Count} controls of the catalog",
            Tone = red > 0 ? Tone.Attention : controls.Any(c => c.Health.Any(h => h.Freshness != Freshness.Fresh)) ? Tone.Warning : Tone.Good,
        };
    }
}
