using ExecOps.Workflows.StateMachines;

namespace ExecOps.Tests.Workflows.StateMachines;

public sealed class EntryAndExitActionTests
{
    private enum Door { Opened, Closed, Locked }

    private enum DoorAction { Open, Close, Slam, Lock }

    private readonly List<string> log = [];
    private Door door = Door.Opened;

    private StateMachine<Door, DoorAction> NewMachine()
    {
        var machine = new StateMachine<Door, DoorAction>(() => door, state => { door = state; log.Add($"stored {state}"); });
        machine.Configure(Door.Opened)
            .Permit(DoorAction.Close, Door.Closed)
            .Permit(DoorAction.Slam, Door.Closed)
            .PermitIf(DoorAction.Lock, Door.Locked, () => false, "the door is shut")
            .OnExit(transition => log.Add($"exit Opened while {door} by {transition.Trigger}"));
        machine.Configure(Door.Closed)
            .OnEntry(transition => log.Add($"enter Closed while {door} by {transition.Trigger}"))
            .OnEntryFrom(DoorAction.Slam, _ => log.Add("shake the frame"))
            .OnEntryFrom(DoorAction.Close, _ => log.Add("click softly"));
        return machine;
    }

    [Fact]
    public void Exit_actions_run_before_the_state_is_stored_and_entry_actions_after()
    {
        var machine = NewMachine();

        machine.Fire(DoorAction.Close);

        log.Should().Equal(
            "exit Opened while Opened by Close",
            "stored Closed",
            "click softly",
            "enter Closed while Closed by Close");
    }

    [Fact]
    public void OnEntryFrom_runs_only_for_its_own_trigger_and_before_OnEntry()
    {
        var machine = NewMachine();

        machine.Fire(DoorAction.Slam);

        log.Should().Equal(
            "exit Opened while Opened by Slam",
            "stored Closed",
            "shake the frame",
            "enter Closed while Closed by Slam");
    }

    [Fact]
    public void Actions_receive_the_transition_that_is_happening()
    {
        var machine = NewMachine();
        var seen = new List<Transition<Door, DoorAction>>();
        machine.Configure(Door.Opened).OnExit(seen.Add);
        machine.Configure(Door.Closed).OnEntry(seen.Add);

        var transition = machine.Fire(DoorAction.Close);

        seen.Should().Equal(transition, transition);
    }

    [Fact]
    public void A_refused_trigger_runs_no_actions()
    {
        var machine = NewMachine();

        machine.Invoking(m => m.Fire(DoorAction.Lock)).Should().Throw<TransitionRefusedException<Door, DoorAction>>();

        log.Should().BeEmpty();
        door.Should().Be(Door.Opened);
    }
}
