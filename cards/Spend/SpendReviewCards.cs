using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Spend;
using static ExecOps.Workflows.Spend.SpendFormat;
using static ExecOps.Workflows.Spend.SpendReview;

namespace ExecOps.Cards.Spend;

/// <summary>A week's spend movers for the FinOps channel, and the question to one mover's owner, answered in the card.</summary>
public static class SpendReviewCards
{
    public static Card Review(SpendReviewData review, PeopleDirectory people, string currency)
    {
        var body = new List<CardBlock>
        {
            new TextBlock($"Total {Money(review.Total)} {currency}, {Signed(review.Total - review.TotalBefore)} against the week before."),
        };
        foreach (var (dimension, heading) in new[] { ("service", "By service"), ("team", "By team") })
        {
            var rows = review.Top.Where(r => r.Dimension == dimension).Select(r => $"{r.Name} · {Signed(r.Change)}{Share(r)}, {Money(r.Before)} → {Money(r.Now)} · {Status(review, r, people)}").ToList();
            body.Add(new TextBlock(heading, TextStyle.Heading));
            body.Add(new ListBlock(rows.Count == 0 ? ["Nothing moved."] : rows));
        }
        body.Add(new TextBlock("Unit costs posted to the scoreboard", TextStyle.Heading));
        body.Add(new ListBlock(review.UnitCosts.Count == 0 ? ["None computed this week."] : review.UnitCosts));
        var waiting = review.Movers.Values.Count(m => m.Explanation is null);
        return new Card($"Spend movers {review.Week}", body,
            review.IsComplete ? [] : [new ActionButton("Mark week complete", SpendActions.Complete, new Dictionary<string, string> { [SpendActions.Week] = review.Week })])
        {
            Subtitle = review.IsComplete ? $"Complete: marked by {people.NameOf(review.CompletedBy!)}, {review.CompletedAt:yyyy-MM-dd HH:mm} UTC"
                : waiting > 0 ? $"{waiting} mover(s) still to explain" : "Every mover is explained",
            Tone = review.IsComplete || waiting == 0 ? Tone.Good : Tone.Attention,
        };
    }

    public static Card Mover((SpendReviewData Review, SpendMover Mover) found, PeopleDirectory people, string finOpsLead, string currency)
    {
        var (review, mover) = found;
        var row = mover.Row;
        var facts = new List<Fact>
        {
            new("Week", review.Week),
            new("Moved", $"{Signed(row.Change)} {currency}{Share(row)}: {Money(row.Before)} → {Money(row.Now)}"),
            new("Owner", people.NameOf(mover.Owner)),
            new("Asked", people.NameOf(mover.AskedOf) + (mover.WithBackup ? " (backup, after no answer)" : "")),
        };
        if (mover.Explanation is { } e)
        {
            facts.Add(new Fact("Why", e.Text));
            if (e.Change is { } change) facts.Add(new Fact("Change", change));
            facts.Add(new Fact(e.Automatic ? "Linked by" : "Explained by", $"{(e.Automatic ? Actor.System.Name : people.NameOf(e.By))}, {e.At:yyyy-MM-dd HH:mm} UTC"));
        }
        var form = new FormButton(mover.Explanation is null ? "Explain" : "Revise explanation", SpendActions.Explain,
            new Dictionary<string, string> { [SpendActions.Mover] = MoverId(Week(review), row.Id) },
            [
                new TextInput(SpendActions.Text, "What moved, and why?", Multiline: true, MaxLength: 1000),
                new TextInput(SpendActions.Change, "The change behind it (CHG-n), if any", Required: false, Placeholder: "CHG-3", MaxLength: 16),
            ], "Save explanation");
        return new Card($"Spend mover: {row.Dimension} {row.Name}", [new FactsBlock(facts)], review.IsComplete ? [] : [form])
        {
            Subtitle = mover.Explanation is null ? $"Moved {Signed(row.Change)}{Share(row)} in {review.Week}; the week cannot close without an explanation." : "Explained",
            Tone = mover.Explanation is null ? Tone.Attention : Tone.Good,
            Actors = new[] { mover.Owner, mover.AskedOf, finOpsLead }.Distinct().ToList(),
        };
    }

    private static Workflows.Scoreboard.IsoWeek Week(SpendReviewData review) => Workflows.Scoreboard.IsoWeek.TryParse(review.Week)!.Value;

    private static string Status(SpendReviewData review, SpendMoverRow row, PeopleDirectory people) => review.Movers.GetValueOrDefault(row.Id) switch
    {
        null => row.Dimension == "team" && review.CoveredTeams.Contains(row.Name) ? "explained through its services" : "under the threshold",
        { Explanation: { Automatic: true, Change: var change } } => $"linked to {change} automatically",
        { Explanation: { } e } => $"explained by {people.NameOf(e.By)}" + (e.Change is { } c ? $" ({c})" : "") + $": {e.Text}",
        var m => $"waiting for {people.NameOf(m.AskedOf)}",
    };
}
