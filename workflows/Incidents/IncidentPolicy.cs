using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Incidents;

/// <summary>
/// Who may do what to an incident. Running it (status, severity, roles, postmortem) belongs to its
/// commander, or to anyone the directory names incident-commander so command can be taken over.
/// Status updates may also come from the Ops and Comms leads.
/// </summary>
public static class IncidentPolicy
{
    public static void EnsureCanDeclare(Actor actor)
    {
        if (!actor.IsKnown)
            throw new RefusedException(RefusalKind.Forbidden,
                $"You ({actor.Name}) are not in the ExecOps directory, so you can only use read-only commands. Ask an admin to add you to People in appsettings.json.");
    }

    public static void EnsureCanRun(IncidentData incident, Actor actor, string what)
    {
        if (IsCommander(incident, actor) || actor.Has(Roles.IncidentCommander)) return;
        throw Forbidden(incident, actor, what, "its incident commander or someone with the incident-commander role");
    }

    public static void EnsureCanPostUpdate(IncidentData incident, Actor actor)
    {
        if (IsCommander(incident, actor) || actor.Has(Roles.IncidentCommander)) return;
        if (incident.Roles.Any(r => r.Key is IncidentRole.Ops or IncidentRole.Comms && r.Value == actor.Id)) return;
        throw Forbidden(incident, actor, "post an update to", "its incident commander, ops lead or comms lead");
    }

    /// <summary>The public status page speaks for the company: the IC or the Comms lead publishes there.</summary>
    public static void EnsureCanPublish(IncidentData incident, Actor actor)
    {
        if (IsCommander(incident, actor) || actor.Has(Roles.IncidentCommander)) return;
        if (incident.Roles.GetValueOrDefault(IncidentRole.Comms) == actor.Id && actor.IsKnown) return;
        throw Forbidden(incident, actor, "publish to the status page for", "its incident commander or comms lead");
    }

    private static bool IsCommander(IncidentData incident, Actor actor) => actor.IsKnown && incident.Commander == actor.Id;

    private static RefusedException Forbidden(IncidentData incident, Actor actor, string what, string who) =>
        new(RefusalKind.Forbidden,
            $"Only {who} can {what} {incident.Id}; you are {actor.Name}. The commander is {incident.RoleNames.GetValueOrDefault(IncidentRole.Commander) ?? incident.Commander ?? "not set"}.",
            incident.Id);
}
