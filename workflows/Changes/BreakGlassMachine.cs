using Stateless;

namespace ExecOps.Workflows.Changes;

public enum GrantState { Active, Expired }

public enum GrantTrigger { Expire }

/// <summary>The one place that says what happens to a grant: it is active from the moment it is asked for, and expires by itself, once.</summary>
internal static class BreakGlassMachine
{
    public static StateMachine<GrantState, GrantTrigger> For(BreakGlassData grant)
    {
        var machine = new StateMachine<GrantState, GrantTrigger>(() => grant.State, s => grant.State = s);
        machine.Configure(GrantState.Active).Permit(GrantTrigger.Expire, GrantState.Expired);
        return machine;
    }
}
