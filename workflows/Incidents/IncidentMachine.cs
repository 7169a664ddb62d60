using ExecOps.Workflows.StateMachines;
using static ExecOps.Workflows.Incidents.IncidentState;
using static ExecOps.Workflows.Incidents.IncidentTrigger;

namespace ExecOps.Workflows.Incidents;

/// <summary>The one place that says what may happen to an incident, and when.</summary>
public static class IncidentMachine
{
    public const string PostmortemGuard = "a postmortem with at least one systemic prevention item";

    /// <summary>The steps a person takes to move an incident along, as opposed to bookkeeping triggers.</summary>
    public static readonly IReadOnlyList<IncidentTrigger> Steps = [Investigate, Identify, Mitigate, Resolve, Close, Reopen];

    public static StateMachine<IncidentState, IncidentTrigger> For(IncidentData incident, DateTimeOffset now)
    {
        var machine = new StateMachine<IncidentState, IncidentTrigger>(() => incident.State, s => incident.State = s);

        machine.Configure(Active)
            .Permit(Resolve, Resolved)
            .InternalTransition(PostUpdate, _ => { })
            .InternalTransition(ChangeSeverity, _ => { })
            .InternalTransition(AssignRole, _ => { })
            .InternalTransition(MissUpdate, _ => incident.MissedUpdates++)
            .InternalTransition(AttachEvent, _ => { });

        machine.Configure(Declared).SubstateOf(Active)
            .Permit(Investigate, Investigating)
            .Permit(Identify, Identified)
            .Permit(Mitigate, Mitigated);

        machine.Configure(Investigating).SubstateOf(Active)
            .Permit(Identify, Identified)
            .Permit(Mitigate, Mitigated);

        machine.Configure(Identified).SubstateOf(Active)
            .Permit(Investigate, Investigating)
            .Permit(Mitigate, Mitigated);

        machine.Configure(Mitigated).SubstateOf(Active)
            .OnEntry(_ => incident.MitigatedAt ??= now)
            .Permit(Investigate, Investigating);

        machine.Configure(Resolved)
            .OnEntry(_ => incident.ResolvedAt = now)
            .PermitIf(Close, Closed, () => incident.Postmortem?.HasSystemicItem == true, PostmortemGuard)
            .Permit(Reopen, Investigating)
            .InternalTransition(RecordPostmortem, _ => { })
            .InternalTransition(PostUpdate, _ => { })
            .InternalTransition(ChangeSeverity, _ => { })
            .InternalTransition(AssignRole, _ => { })
            .Ignore(AttachEvent);

        machine.Configure(Closed)
            .OnEntry(_ => incident.ClosedAt = now)
            .Ignore(AttachEvent);

        return machine;
    }
}
