using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class InternalTransitionTests
{
    private enum Phone { Idle, Connected, Talking }

    private enum Call { Mute, HangUp }

    private readonly List<string> log = [];
    private Phone phone = Phone.Talking;

    private StateMachine<Phone, Call> NewMachine()
    {
        var machine = new StateMachine<Phone, Call>(() => phone, state => { phone = state; log.Add($"stored {state}"); });
        machine.Configure(Phone.Connected)
            .OnEntry(_ => log.Add("enter Connected"))
            .OnExit(_ => log.Add("exit Connected"));
        machine.Configure(Phone.Talking)
            .SubstateOf(Phone.Connected)
            .OnEntry(_ => log.Add("enter Talking"))
            .OnExit(_ => log.Add("exit Talking"));
        return machine;
    }

    [Fact]
    public void An_internal_transition_runs_only_its_action_and_keeps_the_state()
    {
        var machine = NewMachine();
        Transition<Phone, Call>? seen = null;
        machine.Configure(Phone.Talking).InternalTransition(Call.Mute, transition => { seen = transition; log.Add("muted"); });

        var transition = machine.Fire(Call.Mute);

        log.Should().Equal("muted");
        phone.Should().Be(Phone.Talking);
        transition.Should().Be(new Transition<Phone, Call>(Phone.Talking, Phone.Talking, Call.Mute, IsInternal: true));
        transition.IsReentry.Should().BeFalse();
        seen.Should().Be(transition);
    }

    [Fact]
    public void An_internal_transition_inherited_from_a_superstate_keeps_the_substate()
    {
        var machine = NewMachine();
        machine.Configure(Phone.Connected).InternalTransition(Call.Mute, _ => log.Add("muted"));

        var transition = machine.Fire(Call.Mute);

        log.Should().Equal("muted");
        transition.Source.Should().Be(Phone.Talking);
        transition.Destination.Should().Be(Phone.Talking);
        phone.Should().Be(Phone.Talking);
    }

    [Fact]
    public void A_guarded_internal_transition_whose_guard_fails_is_refused_without_running()
    {
        var machine = NewMachine();
        machine.Configure(Phone.Talking).InternalTransitionIf(Call.Mute, () => false, "microphone present", _ => log.Add("muted"));

        machine.Check(Call.Mute).Reasons.Should().Equal("microphone present");
        machine.Invoking(m => m.Fire(Call.Mute)).Should().Throw<TransitionRefusedException<Phone, Call>>();
        log.Should().BeEmpty();
    }

    [Fact]
    public void A_guarded_internal_transition_whose_guard_passes_runs()
    {
        var machine = NewMachine();
        machine.Configure(Phone.Talking).InternalTransitionIf(Call.Mute, () => true, "microphone present", _ => log.Add("muted"));

        machine.Fire(Call.Mute).IsInternal.Should().BeTrue();

        log.Should().Equal("muted");
    }
}
