using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Compliance;

/// <summary>`/compliance vendor list` and `show`: the register with its flags, and one vendor with its reviews.</summary>
public static class VendorCards
{
    public static Card List(IReadOnlyList<VendorData> vendors, PeopleDirectory people)
    {
        var rows = vendors.Select(v => $"{v.Id} {v.Name} · {Vendor.CatalogWords(v.Data)} data · {v.Region} · {(v.Dpa ? "DPA" : "no DPA")} · owner {people.NameOf(v.Owner)} · " +
            (v.IsOffboarded ? "offboarded" : $"review {v.NextReview:yyyy-MM-dd}") + Flags(v)).ToList();
        var flagged = vendors.Count(v => !v.IsOffboarded && (v.LacksDpa || v.IsReviewOverdue));
        return new Card("Vendor and subprocessor register", [new ListBlock(rows.Count == 0 ? ["No vendors yet. Add one with `/compliance vendor add`."] : rows)], [])
        {
            Subtitle = $"{vendors.Count(v => !v.IsOffboarded)} in use, {flagged} flagged",
            Tone = flagged > 0 ? Tone.Warning : Tone.Default,
        };
    }

    public static Card Show(Vendor vendor, PeopleDirectory people)
    {
        var data = vendor.Data;
        var facts = new List<Fact>
        {
            new("Data", $"{Vendor.CatalogWords(data.Data)} · held in {data.Region}"),
            new("DPA", data.Dpa ? "signed" : "none"),
            new("Owner", people.NameOf(data.Owner)),
            new("Purpose", data.Purpose ?? "not stated"),
            new("State", data.State.ToString()),
            new("Next review", data.NextReview.ToString("yyyy-MM-dd")),
        };
        if (data.RaisedRisk is { } risk) facts.Add(new("Raised as", risk));
        var body = new List<CardBlock> { new FactsBlock(facts), new TextBlock("Reviews", TextStyle.Heading) };
        body.Add(new ListBlock(data.Reviews.Count == 0 ? ["None yet."] : data.Reviews.TakeLast(10).Select(r => $"{r.At:yyyy-MM-dd} · {people.NameOf(r.By)} · {r.Notes}").ToList()));
        return new Card($"{data.Id} · {data.Name}", body, [])
        {
            Subtitle = Flags(data).TrimStart(' ', '·') is { Length: > 0 } flags ? flags : null,
            Tone = data.LacksDpa && !data.IsOffboarded ? Tone.Attention : Tone.Default,
        };
    }

    private static string Flags(VendorData vendor) =>
        (vendor.LacksDpa && !vendor.IsOffboarded ? " · ⚠ personal or sensitive data without a DPA" + (vendor.RaisedRisk is { } r ? $" ({r})" : "") : "") +
        (vendor.IsReviewOverdue ? " · ⚠ review overdue" : "");
}
