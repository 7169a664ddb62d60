using Stateless;
using static ExecOps.Workflows.Resilience.GameDayState;

namespace ExecOps.Workflows.Resilience;

/// <summary>The one place that says what happens to a game day: planned until its result is recorded, passed or failed, once.</summary>
internal static class GameDayMachine
{
    public const string Recorders = "the service's owner, an incident commander or an admin";

    public static StateMachine<GameDayState, GameDayTrigger> For(GameDayData gameDay, Func<bool> mayRecord)
    {
        var machine = new StateMachine<GameDayState, GameDayTrigger>(() => gameDay.State, s => gameDay.State = s);
        machine.Configure(Planned)
            .PermitIf(GameDayTrigger.Pass, Passed, mayRecord, Recorders)
            .PermitIf(GameDayTrigger.Fail, Failed, mayRecord, Recorders);
        return machine;
    }
}

/// <summary>What a game day's state means to those who read it.</summary>
public static class GameDayStates
{
    extension(GameDayData gameDay)
    {
        public bool WasRun => gameDay.State != Planned;
        public bool HasFailed => gameDay.State == Failed;
    }
}
