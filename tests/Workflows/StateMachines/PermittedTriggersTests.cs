using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class PermittedTriggersTests
{
    private enum Phone { Idle, Ringing, Connected, Talking, OnHold }

    private enum Call { Dial, PickUp, HangUp, Hold, Resume, Mute, Ring }

    private Phone phone = Phone.Idle;

    private StateMachine<Phone, Call> NewMachine() => new(() => phone, state => phone = state);

    [Fact]
    public void Only_triggers_whose_guards_pass_are_listed_in_configuration_order()
    {
        var hasSignal = false;
        var machine = NewMachine();
        machine.Configure(Phone.Idle)
            .PermitIf(Call.Dial, Phone.Ringing, () => hasSignal, "has signal")
            .Permit(Call.Ring, Phone.Ringing)
            .InternalTransition(Call.Mute, _ => { });

        machine.PermittedTriggers.Should().Equal(Call.Ring, Call.Mute);

        hasSignal = true;
        machine.PermittedTriggers.Should().Equal(Call.Dial, Call.Ring, Call.Mute);
    }

    [Fact]
    public void Triggers_inherited_from_a_superstate_follow_the_states_own_without_duplicates()
    {
        var machine = NewMachine();
        machine.Configure(Phone.Connected)
            .Permit(Call.HangUp, Phone.Idle)
            .Permit(Call.Hold, Phone.OnHold);
        machine.Configure(Phone.Talking)
            .SubstateOf(Phone.Connected)
            .PermitIf(Call.Hold, Phone.OnHold, () => true, "caller agreed")
            .InternalTransition(Call.Mute, _ => { });
        phone = Phone.Talking;

        machine.PermittedTriggers.Should().Equal(Call.Hold, Call.Mute, Call.HangUp);
    }

    [Fact]
    public void A_substate_whose_own_guard_fails_does_not_list_the_trigger_its_superstate_permits()
    {
        var machine = NewMachine();
        machine.Configure(Phone.Connected).Permit(Call.Hold, Phone.OnHold).Permit(Call.HangUp, Phone.Idle);
        machine.Configure(Phone.Talking)
            .SubstateOf(Phone.Connected)
            .PermitIf(Call.Hold, Phone.OnHold, () => false, "caller agreed");
        phone = Phone.Talking;

        machine.PermittedTriggers.Should().Equal(Call.HangUp);
        machine.Check(Call.Hold).Reasons.Should().Equal("caller agreed");
    }

    [Fact]
    public void Ignored_triggers_are_not_listed_even_when_a_superstate_permits_them()
    {
        var machine = NewMachine();
        machine.Configure(Phone.Connected).Permit(Call.Dial, Phone.Ringing).Permit(Call.HangUp, Phone.Idle);
        machine.Configure(Phone.OnHold).SubstateOf(Phone.Connected).Ignore(Call.Dial).Ignore(Call.Ring);
        phone = Phone.OnHold;

        machine.PermittedTriggers.Should().Equal(Call.HangUp);
        machine.CanFire(Call.Dial).Should().BeTrue();
    }
}
