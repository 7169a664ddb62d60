using ExecOps.Workflows.Incidents;

namespace ExecOps.Cards.Incidents;

/// <summary>
/// The incident card's actions and the data keys they carry. Like every area's action ids, each is
/// at once a Slack action_id, an Adaptive Card Action.Execute verb and a Playground action.
/// </summary>
public static class IncidentActions
{
    public const string IncidentStepPrefix = "incident.";
    public const string IncidentUpdate = "incident.update";
    public const string IncidentPostmortem = "incident.postmortem";
    public const string IncidentRefresh = "incident.refresh";
    public const string IncidentPublishStatus = "incident.publish-status";

    public static string IncidentStep(string step) => IncidentStepPrefix + step.ToLowerInvariant();

    /// <summary>Every id the incident card may carry, registered by the incident area.</summary>
    public static readonly IReadOnlyList<string> All = [.. Incident.Steps.Select(s => IncidentStep(s.ToString())), IncidentUpdate, IncidentPostmortem, IncidentRefresh, IncidentPublishStatus];

    public static class Data
    {
        public const string Incident = "incident";
        public const string Version = CardVersion.Key;
        public const string Text = "text";
        public const string Cause = "cause";
        public const string Summary = "summary";
        public const string Systemic = "systemic";
    }
}
