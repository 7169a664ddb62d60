using ExecOps.Workflows.People;
using Stateless;

namespace ExecOps.Workflows.Changes;

/// <summary>
/// The one place that says what happens to a grant: it is active from the moment it is asked for, and
/// expires by itself, once. Who may ask is the grant's one guard: someone with a role on the service
/// (its owner or its change approver) or an incident commander; nobody else, whatever the reason.
/// </summary>
internal static class BreakGlassMachine
{
    public const string Entitled = "the service's owner or approver, or an incident commander";

    public static bool IsEntitled(Actor actor, string? owner, string? approver) =>
        actor.Id == owner || actor.Id == approver || actor.Has(Roles.IncidentCommander);

    public static StateMachine<BreakGlassState, BreakGlassTrigger> For(BreakGlassData grant)
    {
        var machine = new StateMachine<BreakGlassState, BreakGlassTrigger>(() => grant.State, s => grant.State = s);
        machine.Configure(BreakGlassState.Active).Permit(BreakGlassTrigger.Expire, BreakGlassState.Expired);
        return machine;
    }
}
