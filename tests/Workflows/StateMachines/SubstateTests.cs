using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class SubstateTests
{
    private enum Phone { Idle, Ringing, Connected, Talking, OnHold, Conference, Speaking }

    private enum Call { Dial, PickUp, HangUp, Hold, Resume, Merge, Leave }

    private readonly List<string> log = [];
    private Phone phone = Phone.Ringing;

    private StateMachine<Phone, Call> NewMachine()
    {
        var machine = new StateMachine<Phone, Call>(() => phone, state => { phone = state; log.Add($"stored {state}"); });
        machine.Configure(Phone.Idle).Permit(Call.Dial, Phone.Ringing);
        machine.Configure(Phone.Ringing).Permit(Call.PickUp, Phone.Talking).Permit(Call.Merge, Phone.Speaking);
        machine.Configure(Phone.Connected).Permit(Call.HangUp, Phone.Idle);
        machine.Configure(Phone.Talking).SubstateOf(Phone.Connected).Permit(Call.Hold, Phone.OnHold);
        machine.Configure(Phone.OnHold).SubstateOf(Phone.Connected).Permit(Call.Resume, Phone.Talking);
        machine.Configure(Phone.Conference).SubstateOf(Phone.Connected).Permit(Call.Leave, Phone.Connected);
        machine.Configure(Phone.Speaking).SubstateOf(Phone.Conference);
        foreach (var state in Enum.GetValues<Phone>())
        {
            machine.Configure(state).OnEntry(_ => log.Add($"enter {state}")).OnExit(_ => log.Add($"exit {state}"));
        }

        return machine;
    }

    [Fact]
    public void Entering_a_substate_from_outside_runs_the_superstates_entry_first()
    {
        var machine = NewMachine();

        machine.Fire(Call.PickUp);

        log.Should().Equal("exit Ringing", "stored Talking", "enter Connected", "enter Talking");
    }

    [Fact]
    public void Entering_a_nested_substate_enters_every_level_from_the_outermost()
    {
        var machine = NewMachine();

        machine.Fire(Call.Merge);

        log.Should().Equal("exit Ringing", "stored Speaking", "enter Connected", "enter Conference", "enter Speaking");
    }

    [Fact]
    public void Leaving_the_superstate_runs_the_substates_exit_then_the_superstates()
    {
        var machine = NewMachine();
        phone = Phone.OnHold;

        var transition = machine.Fire(Call.HangUp);

        log.Should().Equal("exit OnHold", "exit Connected", "stored Idle", "enter Idle");
        transition.Source.Should().Be(Phone.OnHold);
        transition.Destination.Should().Be(Phone.Idle);
    }

    [Fact]
    public void Moving_between_substates_of_the_same_superstate_neither_leaves_nor_enters_it()
    {
        var machine = NewMachine();
        phone = Phone.Talking;

        machine.Fire(Call.Hold);

        log.Should().Equal("exit Talking", "stored OnHold", "enter OnHold");
    }

    [Fact]
    public void Moving_from_a_substate_up_to_its_superstate_leaves_only_the_substate()
    {
        var machine = NewMachine();
        phone = Phone.Conference;

        machine.Fire(Call.Leave);

        log.Should().Equal("exit Conference", "stored Connected");
        phone.Should().Be(Phone.Connected);
    }

    [Fact]
    public void A_substate_inherits_its_superstates_permissions_at_every_depth()
    {
        var machine = NewMachine();
        phone = Phone.Speaking;

        machine.CanFire(Call.HangUp).Should().BeTrue();
        machine.CanFire(Call.Leave).Should().BeTrue();
        machine.Check(Call.Dial).Reasons.Should().Equal("Dial is not allowed while Speaking");
    }

    [Fact]
    public void A_substates_own_configuration_wins_for_the_same_trigger()
    {
        var machine = NewMachine();
        machine.Configure(Phone.OnHold).Permit(Call.HangUp, Phone.Ringing);
        phone = Phone.OnHold;

        machine.Fire(Call.HangUp).Destination.Should().Be(Phone.Ringing);
        phone.Should().Be(Phone.Ringing);
    }

    [Fact]
    public void A_state_cannot_become_its_own_superstate()
    {
        var machine = NewMachine();

        machine.Invoking(m => m.Configure(Phone.Connected).SubstateOf(Phone.Speaking))
            .Should().Throw<InvalidOperationException>().WithMessage("*Connected*Speaking*");
        machine.Invoking(m => m.Configure(Phone.Idle).SubstateOf(Phone.Idle))
            .Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_state_cannot_have_two_different_superstates()
    {
        var machine = NewMachine();

        machine.Configure(Phone.Talking).SubstateOf(Phone.Connected);
        machine.Invoking(m => m.Configure(Phone.Talking).SubstateOf(Phone.Conference))
            .Should().Throw<InvalidOperationException>().WithMessage("*Talking*Connected*");
    }
}
