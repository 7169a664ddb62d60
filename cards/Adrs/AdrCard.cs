using ExecOps.Workflows.Adrs;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Adrs;

/// <summary>One ADR in full, with Accept for whoever may; and the list of them.</summary>
public static class AdrCard
{
    public static Card Build(Adr adr, PeopleDirectory people, Actor? viewer = null)
    {
        var data = adr.Data;
        var facts = new List<Fact>
        {
            new("Status", data.SupersededBy is { } newer ? $"superseded by {newer}" : data.AcceptedBy is { } by ? $"accepted by {people.NameOf(by)}, {data.AcceptedAt:yyyy-MM-dd}" : "proposed"),
            new("Proposed", $"{people.NameOf(data.ProposedBy)}, {data.ProposedAt:yyyy-MM-dd}"),
            new("File", $"{AdrMarkdown.Folder}/{AdrMarkdown.FileName(data)}"),
        };
        if (data.FundedBy is { } decision) facts.Add(new Fact("Funded by", decision));
        if (data.Supersedes is { } older) facts.Add(new Fact("Supersedes", older));
        CardBlock[] body =
        [
            new FactsBlock(facts),
            new TextBlock("Context", TextStyle.Heading), new TextBlock(Cut(data.Context)),
            new TextBlock("Decision", TextStyle.Heading), new TextBlock(Cut(data.Decision)),
            new TextBlock("Consequences", TextStyle.Heading), new TextBlock(Cut(data.Consequences)),
        ];
        var mayAccept = viewer is null ? data.IsProposed : adr.Can(viewer, AdrTrigger.Accept);
        return new Card($"{data.Id}: {data.Title}", body,
            mayAccept ? [new ActionButton("Accept", AdrActions.Accept, new Dictionary<string, string> { [AdrActions.Adr] = data.Id, [CardVersion.Key] = adr.Version.ToString() }, ButtonStyle.Positive)] : [])
        {
            Subtitle = "Architecture decision record",
            Tone = data.IsInForce ? Tone.Good : data.IsProposed ? Tone.Accent : Tone.Default,
        };
    }

    public static Card List(IReadOnlyList<AdrData> adrs, PeopleDirectory people) =>
        new("Architecture decision records", [new ListBlock(adrs.Count == 0 ? ["None yet: `/adr new` proposes one."]
            : adrs.Take(40).Select(a => $"{a.Id} · {a.Title} · {(a.SupersededBy is { } s ? $"superseded by {s}" : a.AcceptedBy is { } by ? $"accepted by {people.NameOf(by)}" : "proposed")}").ToList())], [])
        {
            Subtitle = adrs.Count > 40 ? $"The newest 40 of {adrs.Count}; `/adr export` has them all" : $"{adrs.Count} in all",
        };

    /// <summary>A section as long as the card allows; the exported file keeps it whole.</summary>
    private static string Cut(string text) => text.Length <= 1800 ? text : text[..1800] + "… (in full in the exported file)";
}
