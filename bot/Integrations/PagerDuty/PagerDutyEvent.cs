using System.Text.Json.Nodes;
using ExecOps.Workflows.Incidents;

namespace ExecOps.Bot.Integrations.PagerDuty;

/// <summary>What a V3 webhook event came to: a signal keyed by the event's id, or why the bot does not use it.</summary>
public sealed record PagerDutyReading(string? Id, string? EventType, Signal? Signal, string? Ignored, string? Problem);

/// <summary>
/// Reads a PagerDuty V3 webhook event. The transition is the `event_type`, never `data.status`: an escalated,
/// reassigned or reopened incident still says "triggered". An annotation's `data` is the note, with its incident inside.
/// </summary>
public static class PagerDutyEvent
{
    /// <summary>The incident events that go on the timeline, with the words it says them in.</summary>
    private static readonly Dictionary<string, string> Transitions = new(StringComparer.Ordinal)
    {
        ["incident.triggered"] = "triggered",
        ["incident.acknowledged"] = "acknowledged",
        ["incident.unacknowledged"] = "unacknowledged (the acknowledgement timed out)",
        ["incident.escalated"] = "escalated",
        ["incident.reassigned"] = "reassigned",
        ["incident.annotated"] = "annotated",
        ["incident.reopened"] = "reopened",
        ["incident.resolved"] = "resolved",
        ["incident.priority_updated"] = "priority changed",
    };

    public static PagerDutyReading Read(JsonObject delivery, PagerDutySettings settings, DateTimeOffset now)
    {
        var @event = delivery["event"] as JsonObject;
        var id = @event.Text("id");
        var type = @event.Text("event_type");
        if (@event is null || id is null || type is null)
            return new PagerDutyReading(null, null, null, null, "The body has no event with an \"id\" and an \"event_type\"; send a PagerDuty V3 webhook as it comes.");
        if (!Transitions.TryGetValue(type, out var transition))
            return new PagerDutyReading(id, type, null, $"{type} is not an incident transition the bot records.", null);
        var data = @event["data"] as JsonObject;
        var incident = type == "incident.annotated" ? data?["incident"] as JsonObject : data;
        var pdIncident = incident.Text("id");
        if (pdIncident is null)
            return new PagerDutyReading(id, type, null, null, $"The {type} event names no incident (data{(type == "incident.annotated" ? ".incident" : "")}.id); the bot cannot tell which incident it is about.");
        var at = @event.Time("occurred_at") ?? now;
        var signal = new Signal("pagerduty", "page", ServiceOf(data, settings), Summary(type, transition, @event, data, incident), at)
        {
            Declare = type == "incident.triggered" && data.Text("urgency") == "high" ? SeverityOf(data, settings) : null,
            Title = data.Text("title"),
            Link = $"pagerduty:{pdIncident}",
        };
        return new PagerDutyReading(id, type, signal, null, null);
    }

    /// <summary>The service, by the PagerDuty service's id or name in Integrations:PagerDuty:Services, else its name as the ownership map knows it.</summary>
    private static string? ServiceOf(JsonObject? data, PagerDutySettings settings)
    {
        var service = data?["service"] ?? data?["incident"]?["service"];
        var id = service.Text("id");
        var name = service.Text("summary");
        if (id is not null && settings.Services.TryGetValue(id, out var byId)) return byId;
        if (name is not null && settings.Services.TryGetValue(name, out var byName)) return byName;
        return name;
    }

    /// <summary>P1–P4 say the Sev; an incident without a priority (or a P5) takes Integrations:PagerDuty:Sev.</summary>
    private static Severity SeverityOf(JsonObject? data, PagerDutySettings settings) =>
        data.Text("priority", "summary") is { Length: 2 } p && p[0] is 'P' or 'p' && p[1] is >= '1' and <= '4' ? (Severity)(p[1] - '0') : (Severity)settings.Sev;

    private static string Summary(string type, string transition, JsonObject @event, JsonObject? data, JsonObject? incident)
    {
        var number = incident?["number"] is JsonValue n && n.TryGetValue<int>(out var i) ? $" #{i}" : "";
        var title = incident.Text("title") is { } t ? $" \"{t}\"" : "";
        var by = @event.Text("agent", "summary") is { } agent ? $" by {agent}" : "";
        var detail = type switch
        {
            "incident.triggered" => data.Text("urgency") is { } u ? $" ({u} urgency)" : "",
            "incident.reassigned" => Assignees(data) is { } to ? $" to {to}" : "",
            "incident.annotated" => data.Text("content") is { } note ? $": {note}" : "",
            "incident.priority_updated" => $" to {data.Text("priority", "summary") ?? "none"}",
            "incident.resolved" => data.Text("resolve_reason", "type") is { } reason ? $" ({reason})" : "",
            _ => "",
        };
        return $"PagerDuty incident{number}{title} {transition}{by}{detail}";
    }

    private static string? Assignees(JsonObject? data) =>
        data?["assignees"] is JsonArray people && people.Select(p => p.Text("summary")).OfType<string>().ToList() is { Count: > 0 } names ? string.Join(", ", names) : null;
}
