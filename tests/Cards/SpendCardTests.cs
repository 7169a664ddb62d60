using ExecOps.Cards;
using ExecOps.Cards.Spend;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Spend;

namespace ExecOps.Tests.Cards;

/// <summary>The spend cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class SpendCardTests
{
    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var totals = Enumerable.Range(1, 200).Select(i => new SpendTotal($"service-{i}-{new string('s', 90)}", i * 1000.55m, i % 3 == 0 ? 0 : i * 900m)).ToList();
        yield return ("report", SpendCards.Report(new SpendReport(new(2026, 10, 26), new(2026, 11, 1), new("all", 1e9m, 9e8m), totals, totals, totals), "USD"));
        yield return ("empty report", SpendCards.Report(new SpendReport(new(2026, 10, 26), new(2026, 11, 1), new("all", 0, 0), [], [], []), "USD"));
        var expired = Enumerable.Range(1, 60).Select(i => new ExpiredSpend($"s{i}{new string('x', 90)}", "team", "tenant", "aws", new(2026, 10, 1), new(2026, 11, 1), 12.5m)).ToList();
        yield return ("expired", SpendCards.Expired(expired, "USD"));
        yield return ("none expired", SpendCards.Expired([], "USD"));
        var people = new ExecOps.Workflows.People.PeopleDirectory([]);
        var why = new string('w', 1000);
        var review = new SpendReviewData
        {
            Week = "2026-W45", Total = 1e9m, TotalBefore = 9e8m,
            Top = [.. Enumerable.Range(1, 20).SelectMany(i => new[] { new SpendMoverRow("service", $"service-{i}-{new string('s', 90)}", i * 1e6m, i * 9e5m), new SpendMoverRow("team", $"team-{i}-{new string('t', 90)}", i, 0) })],
        };
        foreach (var row in review.Top.Take(20))
            review.Movers[row.Id] = new SpendMover { Row = row, Owner = "sam", AskedOf = "dana", Explanation = new SpendExplanation(why, "CHG-123456789", "sam", DateTimeOffset.UnixEpoch) };
        review.UnitCosts.AddRange(["Cloud Unit Cost 30.00 USD: 105,000.00 infrastructure spend / 3,500 weekly active accounts.", "Telemetry Efficiency not posted: requests usage covers 5 of 2026-W45's 7 days."]);
        yield return ("review", SpendReviewCards.Review(review, people, "USD"));
        yield return ("mover explained", SpendReviewCards.Mover((review, review.Movers.Values.First()), people, "dana", "USD"));
        var waiting = new SpendMover { Row = review.Top[1], Owner = "sam", AskedOf = "sam" };
        yield return ("mover waiting", SpendReviewCards.Mover((new SpendReviewData { Week = "2026-W45" }, waiting), people, "dana", "USD"));
        var savings = Enumerable.Range(1, 60).Select(i => new SpendSaving($"SAV-{i}", new string('v', 200), 1e6m, new string('s', 64), "https://example.com/" + new string('e', 300), "sam", DateTimeOffset.UnixEpoch)).ToList();
        yield return ("savings", SpendCards.Savings(savings, "USD"));
        yield return ("no savings", SpendCards.Savings([], "USD"));
    }

    [Fact]
    public void Every_spend_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_spend_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
