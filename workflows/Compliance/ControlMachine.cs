using Stateless;
using static ExecOps.Workflows.Compliance.ControlState;
using static ExecOps.Workflows.Compliance.ControlTrigger;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// The one place that says how a control's health moves: evidence past its cadence turns it yellow (its
/// owner is told), past the grace period red (escalated to the backup and the CISO), fresh evidence turns
/// it green; an approved exception covers it until the exception ends, when it is assessed again from green.
/// </summary>
internal static class ControlMachine
{
    public static StateMachine<ControlState, ControlTrigger> For(ControlData control, Action? turnedStale = null, Action? turnedRed = null, Action? turnedGreen = null)
    {
        var machine = new StateMachine<ControlState, ControlTrigger>(() => control.State, s => control.State = s);
        machine.Configure(Healthy)
            .OnEntryFrom(Refresh, () => turnedGreen?.Invoke())
            .Ignore(Refresh)
            .Permit(FallStale, Stale)
            .Permit(Fail, Failing)
            .Permit(Except, Excepted);
        machine.Configure(Stale)
            .OnEntry(() => turnedStale?.Invoke())
            .Permit(Refresh, Healthy)
            .Ignore(FallStale)
            .Permit(Fail, Failing)
            .Permit(Except, Excepted);
        machine.Configure(Failing)
            .OnEntry(() => turnedRed?.Invoke())
            .Permit(Refresh, Healthy)
            .Permit(FallStale, Stale)
            .Ignore(Fail)
            .Permit(Except, Excepted);
        machine.Configure(Excepted)
            .Ignore(Refresh)
            .Ignore(FallStale)
            .Ignore(Fail)
            .InternalTransition(Except, _ => { })
            .Permit(EndException, Healthy);
        return machine;
    }
}

/// <summary>What a control's state means to those who read it.</summary>
public static class ControlStates
{
    extension(ControlData control)
    {
        public bool IsRed => control.State == Failing;

        public bool IsExcepted => control.State == Excepted;

        /// <summary>Green, yellow or red, as the status card and the pack colour it.</summary>
        public string Colour => control.State switch { Healthy => "green", Stale => "yellow", Failing => "red", _ => "excepted" };
    }
}
