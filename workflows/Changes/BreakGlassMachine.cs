using Stateless;

namespace ExecOps.Workflows.Changes;

/// <summary>The one place that says what happens to a grant: it is active from the moment it is asked for, and expires by itself, once.</summary>
internal static class BreakGlassMachine
{
    public static StateMachine<BreakGlassState, BreakGlassTrigger> For(BreakGlassData grant)
    {
        var machine = new StateMachine<BreakGlassState, BreakGlassTrigger>(() => grant.State, s => grant.State = s);
        machine.Configure(BreakGlassState.Active).Permit(BreakGlassTrigger.Expire, BreakGlassState.Expired);
        return machine;
    }
}
