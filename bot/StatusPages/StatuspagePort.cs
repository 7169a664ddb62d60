using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Notifications;

namespace ExecOps.Bot.StatusPages;

/// <summary>
/// Posts what an incident publishes to Atlassian Statuspage, through the outbox: the first post creates the page's
/// incident (`POST /v1/pages/{page_id}/incidents`), later ones update it (`PATCH …/incidents/{id}`). Posts of one
/// incident go out in order, one at a time (one outbox lane), so an update always finds the id the create stored.
/// </summary>
public sealed class StatuspagePort(StatuspageSettings settings, HttpClient http, IncidentService incidents) : IPlatformPort
{
    public string Platform => "statuspage";

    public bool Accepts(Recipient to) => to == Incident.StatusPageFeed;

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancel)
    {
        if (delivery.About is not { Kind: Incident.Kind } about) return;
        var incident = (await incidents.GetAsync(about.Id)).Data;
        var component = settings.ComponentOf(incident.Service);
        var pageIncident = incident.StatusPage?.Id ?? await FindAsync(incident, cancel);
        if (pageIncident is not null)
        {
            Ensure(await SendAsync(HttpMethod.Patch, $"incidents/{Uri.EscapeDataString(pageIncident)}", StatuspageIncident.Update(incident, delivery.Text, component), cancel),
                $"updating {incident.Id}'s status-page incident");
            if (incident.StatusPage?.Id is null) await incidents.StatusPageOpenedAsync(incident.Id, pageIncident, null);
            return;
        }
        var answer = Ensure(await SendAsync(HttpMethod.Post, "incidents", StatuspageIncident.Create(incident, delivery.Text, component), cancel),
            $"opening {incident.Id}'s status-page incident");
        if ((string?)answer?["id"] is { } id) await incidents.StatusPageOpenedAsync(incident.Id, id, (string?)answer["shortlink"]);
    }

    /// <summary>The page's unresolved incident this one opened before, in case the answer to its create was lost.</summary>
    private async Task<string?> FindAsync(IncidentData incident, CancellationToken cancel)
    {
        var answer = Ensure(await SendAsync(HttpMethod.Get, "incidents/unresolved", null, cancel), "listing the page's unresolved incidents");
        return answer is JsonArray open ? (string?)open.FirstOrDefault(i => StatuspageIncident.IsFor(i, incident))?["id"] : null;
    }

    private async Task<JsonAnswer> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, $"{settings.BaseUrl.TrimEnd('/')}/v1/pages/{Uri.EscapeDataString(settings.PageId!)}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", settings.ApiKey);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await JsonCall.SendAsync(http, request, Platform, cancel);
    }

    /// <returns>The answer's body when the page took the call; else the failure, permanent for a 4xx other than 429, with Statuspage's own words.</returns>
    private JsonNode? Ensure(JsonAnswer answer, string what)
    {
        if (answer.Succeeded) return answer.Body;
        var said = answer.Body is JsonObject o && (o["error"] ?? o["message"]) is { } error ? $": {error.ToJsonString()}" : "";
        throw answer.Failure(Platform, what + said);
    }
}
