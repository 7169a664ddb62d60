using ExecOps.Cards;
using ExecOps.Cards.Adrs;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Adrs;

namespace ExecOps.Tests.Cards;

/// <summary>The ADR cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class AdrCardTests
{
    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var settings = new AdrSettings();
        var section = new string('s', AdrCommands.MaxSection);
        var full = new AdrData
        {
            Id = "ADR-123456789", Number = 123456789, Title = new string('t', AdrCommands.MaxTitle), Context = section, Decision = section, Consequences = section,
            FundedBy = "DEC-" + new string('d', 40), Supersedes = "ADR-123456788", ProposedBy = "alice", ProposedAt = DateTimeOffset.UnixEpoch,
        };
        yield return ("proposed", AdrCard.Build(new Adr(full, 3, settings, DateTimeOffset.UnixEpoch), TestCatalog.People));
        var done = new AdrData { Id = "ADR-2", Title = "x", State = AdrState.Superseded, SupersededBy = "ADR-3", AcceptedBy = "dana", ProposedBy = "bob" };
        yield return ("superseded", AdrCard.Build(new Adr(done, 3, settings, DateTimeOffset.UnixEpoch), TestCatalog.People));
        yield return ("list", AdrCard.List([.. Enumerable.Range(0, 60).Select(_ => full)], TestCatalog.People));
        yield return ("empty list", AdrCard.List([], TestCatalog.People));
    }

    [Fact]
    public void Every_ADR_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_ADR_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
