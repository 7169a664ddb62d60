using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Adrs;

namespace ExecOps.Tests.Workflows.Adrs;

public sealed class AdrMachineTests
{
    public static TheoryData<AdrState, AdrTrigger, AdrState?> Table() => MachineTable.Every(new Dictionary<(AdrState, AdrTrigger), AdrState>
    {
        [(AdrState.Proposed, AdrTrigger.Accept)] = AdrState.Accepted,
        [(AdrState.Accepted, AdrTrigger.Supersede)] = AdrState.Superseded,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void An_ADR_is_accepted_then_superseded_once(AdrState from, AdrTrigger trigger, AdrState? to) =>
        MachineTable.Holds(AdrMachine.For(new AdrData { State = from }, () => true), from, trigger, to);

    [Theory]
    [InlineData(AdrState.Proposed, AdrTrigger.Accept)]
    [InlineData(AdrState.Accepted, AdrTrigger.Supersede)]
    public void Without_the_authority_of_a_one_way_door_it_is_refused_naming_who_decides(AdrState from, AdrTrigger trigger)
    {
        AdrMachine.For(new AdrData { State = from }, () => false).CanFire(trigger, out var unmet).Should().BeFalse();
        unmet.Should().Equal(AdrMachine.Deciders);
    }

    [Theory]
    [InlineData("Move the ledger to PostgreSQL!", "move-the-ledger-to-postgresql")]
    [InlineData("  Ünïcode & Ümlauts  ", "n-code-mlauts")]
    [InlineData("???", "decision")]
    [InlineData("A very long title that goes on and on about the architecture of the payments ledger forever", "a-very-long-title-that-goes-on-and-on-about-the-architecture")]
    public void A_file_is_named_from_the_title_as_adr_tools_names_it(string title, string slug) => AdrMarkdown.Slug(title).Should().Be(slug);
}
