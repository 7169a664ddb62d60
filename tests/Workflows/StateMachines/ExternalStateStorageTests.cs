using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class ExternalStateStorageTests
{
    private enum Door { Opened, Closed }

    private enum DoorAction { Open, Close }

    private sealed class DoorRow
    {
        public string Status { get; set; } = nameof(Door.Opened);

        public List<string> Writes { get; } = [];
    }

    private static StateMachine<Door, DoorAction> MachineOver(DoorRow row)
    {
        var machine = new StateMachine<Door, DoorAction>(
            () => Enum.Parse<Door>(row.Status),
            state => { row.Status = state.ToString(); row.Writes.Add(row.Status); });
        machine.Configure(Door.Opened).Permit(DoorAction.Close, Door.Closed);
        machine.Configure(Door.Closed).PermitIf(DoorAction.Open, Door.Opened, () => false, "the handle turns");
        return machine;
    }

    [Fact]
    public void The_state_is_read_through_the_accessor_every_time()
    {
        var row = new DoorRow();
        var machine = MachineOver(row);

        machine.State.Should().Be(Door.Opened);
        row.Status = nameof(Door.Closed);

        machine.State.Should().Be(Door.Closed);
        machine.PermittedTriggers.Should().BeEmpty();
        machine.Check(DoorAction.Open).Reasons.Should().Equal("the handle turns");
    }

    [Fact]
    public void A_transition_stores_the_destination_through_the_mutator_exactly_once()
    {
        var row = new DoorRow();
        var machine = MachineOver(row);

        machine.Fire(DoorAction.Close);

        row.Status.Should().Be(nameof(Door.Closed));
        row.Writes.Should().Equal(nameof(Door.Closed));
    }

    [Fact]
    public void A_refused_transition_never_calls_the_mutator()
    {
        var row = new DoorRow { Status = nameof(Door.Closed) };
        var machine = MachineOver(row);

        machine.Invoking(m => m.Fire(DoorAction.Open)).Should().Throw<TransitionRefusedException<Door, DoorAction>>();

        row.Writes.Should().BeEmpty();
        row.Status.Should().Be(nameof(Door.Closed));
    }

    [Fact]
    public void Two_machines_over_the_same_row_see_each_others_changes()
    {
        var row = new DoorRow();
        var first = MachineOver(row);
        var second = MachineOver(row);

        first.Fire(DoorAction.Close);

        second.State.Should().Be(Door.Closed);
        second.CanFire(DoorAction.Close).Should().BeFalse();
    }
}
