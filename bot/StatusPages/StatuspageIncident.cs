using System.Text.Json.Nodes;
using ExecOps.Workflows.Incidents;

namespace ExecOps.Bot.StatusPages;

/// <summary>
/// The `{"incident": {…}}` bodies of Statuspage's create and update calls for an incident as it stands: its words,
/// the page's status word for our state, and the component's status for its severity. The incident's id rides in
/// `metadata`, so a create whose answer was lost is found again among the page's unresolved incidents.
/// </summary>
public static class StatuspageIncident
{
    public static JsonObject Create(IncidentData incident, string body, string? component) => Wrap(incident, body, component, new JsonObject
    {
        ["name"] = incident.Title.Length <= 255 ? incident.Title : incident.Title[..254] + "…",
        ["metadata"] = new JsonObject { ["execops"] = new JsonObject { ["incident"] = incident.Id } },
    });

    public static JsonObject Update(IncidentData incident, string body, string? component) => Wrap(incident, body, component, []);

    /// <summary>Whether one of the page's incidents is the one this incident opened.</summary>
    public static bool IsFor(JsonNode? pageIncident, IncidentData incident) => (string?)pageIncident?["metadata"]?["execops"]?["incident"] == incident.Id;

    private static JsonObject Wrap(IncidentData incident, string body, string? component, JsonObject fields)
    {
        fields["status"] = StatusOf(incident);
        fields["body"] = body;
        fields["deliver_notifications"] = true;
        if (component is not null)
        {
            fields["component_ids"] = new JsonArray(component);
            fields["components"] = new JsonObject { [component] = ComponentStatusOf(incident) };
        }
        return new JsonObject { ["incident"] = fields };
    }

    private static string StatusOf(IncidentData incident) => incident.State switch
    {
        IncidentState.Identified => "identified",
        IncidentState.Mitigated => "monitoring",
        IncidentState.Resolved or IncidentState.Closed => "resolved",
        _ => "investigating",
    };

    private static string ComponentStatusOf(IncidentData incident) => incident.IsOver ? "operational" : incident.Severity switch
    {
        Severity.Sev1 => "major_outage",
        Severity.Sev2 => "partial_outage",
        _ => "degraded_performance",
    };
}
