using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class IgnoreTests
{
    private enum Door { Opened, Closed, Ajar }

    private enum DoorAction { Open, Close, Knock }

    private readonly List<string> log = [];
    private Door door = Door.Closed;

    private StateMachine<Door, DoorAction> NewMachine()
    {
        var machine = new StateMachine<Door, DoorAction>(() => door, state => { door = state; log.Add($"stored {state}"); });
        machine.Configure(Door.Closed).OnEntry(_ => log.Add("enter Closed")).OnExit(_ => log.Add("exit Closed"));
        return machine;
    }

    [Fact]
    public void An_ignored_trigger_can_fire_and_changes_nothing()
    {
        var machine = NewMachine();
        machine.Configure(Door.Closed).Ignore(DoorAction.Close);

        machine.CanFire(DoorAction.Close).Should().BeTrue();
        machine.Check(DoorAction.Close).IsAllowed.Should().BeTrue();
        var transition = machine.Fire(DoorAction.Close);

        transition.Source.Should().Be(Door.Closed);
        transition.Destination.Should().Be(Door.Closed);
        transition.IsIgnored.Should().BeTrue();
        transition.IsReentry.Should().BeFalse();
        log.Should().BeEmpty();
        door.Should().Be(Door.Closed);
    }

    [Fact]
    public void A_trigger_ignored_by_a_superstate_is_ignored_in_its_substates()
    {
        var machine = NewMachine();
        machine.Configure(Door.Closed).Ignore(DoorAction.Knock);
        machine.Configure(Door.Ajar).SubstateOf(Door.Closed);
        door = Door.Ajar;

        machine.Fire(DoorAction.Knock).IsIgnored.Should().BeTrue();

        log.Should().BeEmpty();
        door.Should().Be(Door.Ajar);
    }
}
