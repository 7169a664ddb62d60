using Stateless;
using static ExecOps.Workflows.Incidents.IncidentState;
using static ExecOps.Workflows.Incidents.IncidentTrigger;

namespace ExecOps.Workflows.Incidents;

/// <summary>The one place that says what may happen to an incident, and when.</summary>
internal static class IncidentMachine
{
    public const string PostmortemGuard = "a postmortem with at least one systemic prevention item";

    /// <param name="resolved">What entering Resolved sets in motion (the postmortem clock), run by the machine on entry.</param>
    public static StateMachine<IncidentState, IncidentTrigger> For(IncidentData incident, DateTimeOffset now, Action? resolved = null)
    {
        var machine = new StateMachine<IncidentState, IncidentTrigger>(() => incident.State, s => incident.State = s);

        machine.Configure(Active)
            .Permit(Resolve, Resolved)
            .InternalTransition(PostUpdate, _ => { })
            .InternalTransition(ChangeSeverity, _ => { })
            .InternalTransition(AssignRole, _ => { })
            .InternalTransition(MissUpdate, _ => incident.MissedUpdates++)
            .InternalTransition(AttachEvent, _ => { })
            .InternalTransition(PublishStatus, _ => { });

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
            .OnEntry(() => incident.MitigatedAt ??= now)
            .Permit(Investigate, Investigating);

        machine.Configure(Resolved)
            .OnEntry(() =>
            {
                incident.ResolvedAt = now;
                resolved?.Invoke();
            })
            .PermitIf(Close, Closed, () => incident.Postmortem?.HasSystemicItem == true, PostmortemGuard)
            .Permit(Reopen, Investigating)
            .InternalTransition(RecordPostmortem, _ => { })
            .InternalTransition(PublishStatus, _ => { })
            .InternalTransition(PostUpdate, _ => { })
            .InternalTransition(ChangeSeverity, _ => { })
            .InternalTransition(AssignRole, _ => { });

        machine.Configure(Closed)
            .OnEntry(() => incident.ClosedAt = now);

        return machine;
    }
}

/// <summary>What an incident's state means to those who read it: named here, beside the machine, so nothing else compares states.</summary>
public static class IncidentStates
{
    extension(IncidentData incident)
    {
        /// <summary>Not closed: it still wants attention, a postmortem or both.</summary>
        public bool IsOpen => incident.State != Closed;

        /// <summary>Resolved and waiting for its postmortem before it can close.</summary>
        public bool AwaitsPostmortem => incident.State == Resolved;

        /// <summary>Customers are no longer hurt: resolved or closed.</summary>
        public bool IsOver => incident.State is Resolved or Closed;

        public bool IsMitigated => incident.State == Mitigated;
    }
}
