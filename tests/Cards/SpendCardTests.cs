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
    }

    [Fact]
    public void Every_spend_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_spend_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
