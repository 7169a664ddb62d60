using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class ConfigurationMistakeTests
{
    private enum Door { Opened, Closed, Locked }

    private enum DoorAction { Open, Close, Lock }

    private static StateMachine<Door, DoorAction> NewMachine()
    {
        var door = Door.Opened;
        return new(() => door, state => door = state);
    }

    [Fact]
    public void Two_unconditional_permissions_for_the_same_trigger_are_rejected_naming_state_and_trigger()
    {
        var machine = NewMachine();
        var opened = machine.Configure(Door.Opened).Permit(DoorAction.Close, Door.Closed);

        opened.Invoking(c => c.Permit(DoorAction.Close, Door.Locked))
            .Should().Throw<InvalidOperationException>().WithMessage("*Opened*Close*");
    }

    [Fact]
    public void Any_behaviour_after_an_unconditional_one_for_the_same_trigger_is_rejected_as_unreachable()
    {
        var machine = NewMachine();
        var closed = machine.Configure(Door.Closed).Permit(DoorAction.Lock, Door.Locked);

        closed.Invoking(c => c.PermitIf(DoorAction.Lock, Door.Opened, () => true, "never chosen"))
            .Should().Throw<InvalidOperationException>();
        closed.Invoking(c => c.Ignore(DoorAction.Lock)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Guarded_permissions_for_the_same_trigger_may_be_followed_by_an_unconditional_fallback()
    {
        var machine = NewMachine();

        machine.Invoking(m => m.Configure(Door.Closed)
                .PermitIf(DoorAction.Lock, Door.Locked, () => true, "has key")
                .PermitIf(DoorAction.Lock, Door.Opened, () => false, "latch broken")
                .Permit(DoorAction.Lock, Door.Opened))
            .Should().NotThrow();
    }

    [Fact]
    public void Permitting_a_trigger_back_to_the_same_state_is_rejected_in_favour_of_reentry()
    {
        var machine = NewMachine();

        machine.Invoking(m => m.Configure(Door.Closed).Permit(DoorAction.Close, Door.Closed))
            .Should().Throw<ArgumentException>().WithMessage("*PermitReentry*");
    }

    [Fact]
    public void Configuring_a_state_twice_returns_the_same_configuration()
    {
        var machine = NewMachine();

        var first = machine.Configure(Door.Opened).Permit(DoorAction.Close, Door.Closed);
        var second = machine.Configure(Door.Opened).Permit(DoorAction.Lock, Door.Locked);

        second.Should().BeSameAs(first);
        second.State.Should().Be(Door.Opened);
        machine.PermittedTriggers.Should().Equal(DoorAction.Close, DoorAction.Lock);
    }
}
