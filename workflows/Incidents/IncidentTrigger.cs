namespace ExecOps.Workflows.Incidents;

/// <summary>Everything that can happen to an incident, including the passing of time (<see cref="MissUpdate"/>).</summary>
public enum IncidentTrigger
{
    Investigate, Identify, Mitigate, Resolve, Close, Reopen,
    PostUpdate, ChangeSeverity, AssignRole, RecordPostmortem, MissUpdate, AttachEvent, PublishStatus,
}
