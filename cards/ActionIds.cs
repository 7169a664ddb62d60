namespace ExecOps.Cards;

/// <summary>
/// One vocabulary for card actions: the same id is a Slack action_id, an Adaptive Card
/// Action.Execute verb and a Playground action. Data keys travel with them.
/// </summary>
public static class ActionIds
{
    public const string IncidentStepPrefix = "incident.";
    public const string IncidentUpdate = "incident.update";
    public const string IncidentPostmortem = "incident.postmortem";
    public const string IncidentRefresh = "incident.refresh";

    public static string IncidentStep(string step) => IncidentStepPrefix + step.ToLowerInvariant();

    public static class Data
    {
        public const string Incident = "incident";
        public const string Version = "version";
        public const string Text = "text";
        public const string Cause = "cause";
        public const string Summary = "summary";
        public const string Systemic = "systemic";
    }
}
