using ExecOps.Cards;
using ExecOps.Cards.Blockers;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Blockers;

namespace ExecOps.Tests.Cards;

/// <summary>The blocker cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class BlockerCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var ladder = new BlockerLadder("data", new string('T', 80), "data", "bob", "dana", "ceo", TimeSpan.FromHours(24));
        var long_ = new string('x', BlockerCommands.MaxWhat);
        var data = new BlockerData
        {
            Id = "BLK-123456789", What = long_, Team = "data", Entry = new string('e', 64), For = "DEC-" + new string('d', 40), OpenedBy = "alice", OpenedAt = Now,
            DueAt = Now, Rung = 3, State = BlockerState.Escalated,
            History = [.. Enumerable.Range(0, 60).Select(i => new BlockerStep(Now.AddHours(i), "ceo", long_))],
        };
        yield return ("escalated", BlockerCard.Build(new Blocker(data, 9, ladder, Now), TestCatalog.Ownership, TestCatalog.People));
        var delayed = new BlockerData { Id = "BLK-2", What = "x", Team = "data", OpenedBy = "alice", State = BlockerState.DelayAccepted, DelayedUntil = Now, DelayReason = long_ };
        yield return ("delayed", BlockerCard.Build(new Blocker(delayed, 2, ladder, Now), TestCatalog.Ownership, TestCatalog.People));
        var cleared = new BlockerData { Id = "BLK-3", What = "x", Team = "data", OpenedBy = "alice", State = BlockerState.Unblocked, UnblockedBy = "sam", UnblockedAt = Now };
        yield return ("cleared", BlockerCard.Build(new Blocker(cleared, 3, ladder, Now), TestCatalog.Ownership, TestCatalog.People));
        yield return ("list", BlockerCard.List([.. Enumerable.Range(0, 80).Select(_ => new Blocker(data, 9, ladder, Now))], TestCatalog.People, Now));
        yield return ("empty list", BlockerCard.List([], TestCatalog.People, Now));
    }

    [Fact]
    public void Every_blocker_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_blocker_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
