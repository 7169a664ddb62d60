using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class PermitAndGuardTests
{
    private enum Door { Opened, Closed, Locked, Broken }

    private enum DoorAction { Open, Close, Lock, Unlock, Kick }

    private Door door = Door.Opened;
    private int writes;

    private StateMachine<Door, DoorAction> NewMachine() =>
        new(() => door, state => { door = state; writes++; });

    [Fact]
    public void A_permitted_trigger_moves_to_its_destination_and_returns_the_transition()
    {
        var machine = NewMachine();
        machine.Configure(Door.Opened).Permit(DoorAction.Close, Door.Closed);

        var transition = machine.Fire(DoorAction.Close);

        door.Should().Be(Door.Closed);
        machine.State.Should().Be(Door.Closed);
        transition.Should().Be(new Transition<Door, DoorAction>(Door.Opened, Door.Closed, DoorAction.Close, IsInternal: false));
        transition.IsReentry.Should().BeFalse();
        transition.IsIgnored.Should().BeFalse();
    }

    [Fact]
    public void A_failed_guard_leaves_the_state_unchanged_and_says_why()
    {
        var machine = NewMachine();
        machine.Configure(Door.Opened).PermitIf(DoorAction.Close, Door.Closed, () => false, "nothing is in the doorway");

        var refusal = machine.Invoking(m => m.Fire(DoorAction.Close))
            .Should().Throw<TransitionRefusedException<Door, DoorAction>>().Which;

        refusal.State.Should().Be(Door.Opened);
        refusal.Trigger.Should().Be(DoorAction.Close);
        refusal.Reasons.Should().Equal("nothing is in the doorway");
        refusal.Message.Should().Be("nothing is in the doorway");
        refusal.Should().BeAssignableTo<InvalidOperationException>();
        door.Should().Be(Door.Opened);
        writes.Should().Be(0);
    }

    [Fact]
    public void Every_failed_guard_is_given_as_a_reason_and_the_message_joins_them()
    {
        var machine = NewMachine();
        machine.Configure(Door.Closed).PermitIf(
            DoorAction.Lock,
            Door.Locked,
            new Guard(() => false, "the key is in hand"),
            new Guard(() => true, "the door is shut"),
            new Guard(() => false, "the bolt is free"));
        door = Door.Closed;

        var check = machine.Check(DoorAction.Lock);

        check.IsAllowed.Should().BeFalse();
        check.State.Should().Be(Door.Closed);
        check.Trigger.Should().Be(DoorAction.Lock);
        check.Reasons.Should().Equal("the key is in hand", "the bolt is free");
        machine.Invoking(m => m.Fire(DoorAction.Lock))
            .Should().Throw<TransitionRefusedException<Door, DoorAction>>()
            .WithMessage("the key is in hand; the bolt is free");
    }

    [Fact]
    public void A_trigger_configured_nowhere_is_refused_with_a_single_reason_naming_trigger_and_state()
    {
        var machine = NewMachine();
        machine.Configure(Door.Opened).Permit(DoorAction.Close, Door.Closed);

        var check = machine.Check(DoorAction.Lock);

        check.IsAllowed.Should().BeFalse();
        check.Reasons.Should().Equal("Lock is not allowed while Opened");
        machine.CanFire(DoorAction.Lock).Should().BeFalse();
    }

    [Fact]
    public void A_current_state_that_was_never_configured_refuses_every_trigger()
    {
        var machine = NewMachine();
        machine.Configure(Door.Closed).Permit(DoorAction.Open, Door.Opened);
        door = Door.Broken;

        machine.Check(DoorAction.Open).Reasons.Should().Equal("Open is not allowed while Broken");
        machine.PermittedTriggers.Should().BeEmpty();
    }

    [Fact]
    public void The_first_permission_whose_guards_all_pass_wins()
    {
        var kickedHard = true;
        var machine = NewMachine();
        machine.Configure(Door.Locked)
            .PermitIf(DoorAction.Kick, Door.Broken, () => kickedHard, "kicked hard")
            .PermitIf(DoorAction.Kick, Door.Opened, () => !kickedHard, "kicked gently");
        door = Door.Locked;

        machine.Fire(DoorAction.Kick).Destination.Should().Be(Door.Broken);

        door = Door.Locked;
        kickedHard = false;
        machine.Fire(DoorAction.Kick).Destination.Should().Be(Door.Opened);
    }

    [Fact]
    public void When_no_permission_passes_the_reasons_are_every_failed_guard_without_repeats()
    {
        var machine = NewMachine();
        machine.Configure(Door.Locked)
            .PermitIf(DoorAction.Kick, Door.Broken, new Guard(() => false, "wearing boots"), new Guard(() => false, "kicked hard"))
            .PermitIf(DoorAction.Kick, Door.Opened, new Guard(() => false, "wearing boots"), new Guard(() => false, "kicked gently"));
        door = Door.Locked;

        machine.Check(DoorAction.Kick).Reasons.Should().Equal("wearing boots", "kicked hard", "kicked gently");
        door.Should().Be(Door.Locked);
    }

    [Fact]
    public void Check_and_CanFire_report_an_allowed_trigger_without_reasons_or_side_effects()
    {
        var machine = NewMachine();
        machine.Configure(Door.Opened).PermitIf(DoorAction.Close, Door.Closed, () => true, "nothing is in the doorway");

        var check = machine.Check(DoorAction.Close);

        check.IsAllowed.Should().BeTrue();
        check.State.Should().Be(Door.Opened);
        check.Trigger.Should().Be(DoorAction.Close);
        check.Reasons.Should().BeEmpty();
        machine.CanFire(DoorAction.Close).Should().BeTrue();
        door.Should().Be(Door.Opened);
        writes.Should().Be(0);
    }
}
