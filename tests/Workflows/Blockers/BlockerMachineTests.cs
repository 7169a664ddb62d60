using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Blockers;
using static ExecOps.Workflows.Blockers.BlockerState;
using static ExecOps.Workflows.Blockers.BlockerTrigger;

namespace ExecOps.Tests.Workflows.Blockers;

public sealed class BlockerMachineTests
{
    private static readonly BlockerAuthority Everyone = new(() => true, () => true, () => true);

    public static TheoryData<BlockerState, BlockerTrigger, BlockerState?> Table() => MachineTable.Every(new Dictionary<(BlockerState, BlockerTrigger), BlockerState>
    {
        [(Open, Escalate)] = Escalated, [(Open, Unblock)] = Unblocked, [(Open, Reassign)] = Open, [(Open, AcceptDelay)] = DelayAccepted,
        [(Escalated, Escalate)] = Escalated, [(Escalated, Unblock)] = Unblocked, [(Escalated, Reassign)] = Open, [(Escalated, AcceptDelay)] = DelayAccepted,
        [(DelayAccepted, Resume)] = Escalated, [(DelayAccepted, Unblock)] = Unblocked, [(DelayAccepted, Reassign)] = Open,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_blocker_climbs_waits_moves_and_clears_as_the_table_says(BlockerState from, BlockerTrigger trigger, BlockerState? to) =>
        MachineTable.Holds(BlockerMachine.For(new BlockerData { State = from }, Everyone), from, trigger, to);

    [Theory]
    [InlineData(Unblock, BlockerMachine.Unblockers)]
    [InlineData(Reassign, BlockerMachine.Ladder)]
    [InlineData(AcceptDelay, BlockerMachine.Ladder)]
    public void Someone_off_the_ladder_is_refused_naming_who_may(BlockerTrigger trigger, string who)
    {
        var machine = BlockerMachine.For(new BlockerData { State = Escalated }, new BlockerAuthority(() => false, () => false, () => true));

        machine.CanFire(trigger, out var unmet).Should().BeFalse();
        unmet.Should().Equal(who);
    }

    [Fact]
    public void At_the_top_of_the_ladder_it_climbs_no_further()
    {
        var machine = BlockerMachine.For(new BlockerData { State = Escalated }, new BlockerAuthority(() => true, () => true, () => false));

        machine.CanFire(Escalate, out var unmet).Should().BeFalse();
        unmet.Should().Equal(BlockerMachine.Top);
    }
}
