using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Compliance;

/// <summary>`/compliance show CTRL-n`: the control, what is due, its exceptions, and its evidence index for those who may read it.</summary>
public static class ControlCard
{
    /// <summary>The latest items listed; the audit pack carries them all.</summary>
    public const int Items = 10;

    public static Card Build(ControlStanding control, IReadOnlyList<EvidenceItem>? evidence, PeopleDirectory people)
    {
        var definition = control.Definition;
        var facts = new List<Fact>
        {
            new("Health", ComplianceFormat.Colour(control.Data) + (control.Data.Since is { } since ? $" since {since:yyyy-MM-dd HH:mm} UTC" : "")),
            new("Owner", $"{people.NameOf(definition.Owner)} (backup {people.NameOf(definition.Backup)})"),
            new("Frameworks", string.Join(", ", definition.Frameworks)),
            new("Classification", definition.Classification.ToString().ToLowerInvariant()),
        };
        var body = new List<CardBlock>
        {
            new FactsBlock(facts),
            new TextBlock("Evidence due", TextStyle.Heading),
            new ListBlock(control.Health.Select(h => ComplianceFormat.Due(h) + (h.Requirement.Collect != EvidenceSource.Manual ? " · collected by the bot" : "")).ToList()),
        };
        if (control.Data.Exceptions.Count > 0)
        {
            body.Add(new TextBlock("Exceptions", TextStyle.Heading));
            body.Add(new ListBlock(control.Data.Exceptions.TakeLast(5).Select(e =>
                $"{e.Number}. until {e.Until:yyyy-MM-dd} · {e.State.ToString().ToLowerInvariant()} · {e.Reason} (compensating: {e.Compensating})").ToList()));
        }
        body.Add(new TextBlock("Evidence", TextStyle.Heading));
        body.Add(evidence is null
            ? new TextBlock("Only its owner, backup, the CISO, auditors and admins see its evidence.", TextStyle.Subtle)
            : new ListBlock(evidence.Count == 0 ? ["None yet."] : evidence.TakeLast(Items).Reverse().Select(i =>
                $"#{i.Sequence} {i.Kind} · {i.HappenedAt:yyyy-MM-dd} · {people.NameOf(i.By)} · sha256 {i.Sha256[..12]}… · {Short(i.Content)}").ToList()));
        return new Card($"{definition.Id} · {definition.Title}", body, [])
        {
            Tone = control.Data.IsRed ? Tone.Attention : control.Health.Any(h => h.Freshness != Freshness.Fresh) ? Tone.Warning : Tone.Default,
        };
    }

    private static string Short(string content) => content.Length <= 120 ? content : content[..119] + "…";
}
