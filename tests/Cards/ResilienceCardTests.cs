using ExecOps.Cards;
using ExecOps.Cards.Resilience;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Resilience;

namespace ExecOps.Tests.Cards;

/// <summary>The resilience cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class ResilienceCardTests
{
    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var long_ = new string('x', 1000);
        var gameDay = new GameDayData
        {
            Id = "GD-123456789", Name = new string('n', 120), Service = new string('s', 64), Scenario = long_, State = GameDayState.Failed, RecordedBy = "sam",
            RecordedAt = DateTimeOffset.UnixEpoch, Notes = long_, Participants = ["ceo", "dana", "alice", "bob", "sam", "priya"], RaisedRisk = "RISK-123456789",
        };
        var drill = new DrDrill(DateTimeOffset.UnixEpoch, "sam", false, TimeSpan.FromDays(30), TimeSpan.FromDays(2), long_, "RISK-1");
        var rows = Enumerable.Range(0, 40).Select(i => new ScorecardRow(new string('e', 64), new string('N', 120), i % 2, TimeSpan.FromHours(1), null, i % 3 == 0 ? null : drill,
            DateTimeOffset.UnixEpoch, [gameDay, gameDay], ["ceo", "dana"], [.. Enumerable.Range(1, 30).Select(r => $"RISK-{r}")], (Readiness)(i % 3), long_[..200])).ToList();
        yield return ("scorecard", ResilienceCards.Scorecard(rows, TestCatalog.People));
        yield return ("empty scorecard", ResilienceCards.Scorecard([], TestCatalog.People));
        yield return ("game days", ResilienceCards.GameDays([.. Enumerable.Range(0, 60).Select(_ => gameDay)], TestCatalog.People));
        yield return ("no game days", ResilienceCards.GameDays([], TestCatalog.People));
        yield return ("game day", ResilienceCards.GameDay(gameDay, TestCatalog.People));
    }

    [Fact]
    public void Every_resilience_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_resilience_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
