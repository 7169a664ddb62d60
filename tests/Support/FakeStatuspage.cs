using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ExecOps.Tests.Support;

/// <summary>One call Statuspage received.</summary>
public sealed record StatuspageCall(string Method, string Path, string Authorization, JsonObject? Body);

/// <summary>
/// Atlassian Statuspage's incident endpoints on loopback. A create answers with the serialised incident of
/// Statuspage's own incident-created notification (tests/external/statuspage), its fields overlaid with those sent;
/// the incidents it holds are listed as unresolved until one is patched to resolved.
/// </summary>
public sealed class FakeStatuspage : IAsyncDisposable
{
    private readonly List<StatuspageCall> calls = [];
    private readonly List<JsonObject> incidents = [];
    private WebApplication app = null!;

    public string Url { get; private set; } = "";

    /// <summary>How many creates to answer with a dropped connection after the incident is made, as when an answer is lost.</summary>
    public int LoseAnswers { get; set; }

    public IReadOnlyList<StatuspageCall> Calls { get { lock (calls) return calls.ToList(); } }
    public IReadOnlyList<JsonObject> Incidents { get { lock (calls) return incidents.ToList(); } }

    public static async Task<FakeStatuspage> StartAsync()
    {
        var page = new FakeStatuspage();
        page.app = LoopbackHost.Create();
        page.app.MapPost("/v1/pages/{page}/incidents", (Delegate)page.CreateAsync);
        page.app.MapMethods("/v1/pages/{page}/incidents/{id}", ["PATCH"], (Delegate)page.UpdateAsync);
        page.app.MapGet("/v1/pages/{page}/incidents/unresolved", (HttpContext http) =>
        {
            page.Record(http, null);
            lock (page.calls) return Results.Content(new JsonArray([.. page.incidents.Where(i => (string?)i["status"] != "resolved").Select(i => i.DeepClone())]).ToJsonString(), "application/json");
        });
        page.Url = (await LoopbackHost.StartAsync(page.app))[0];
        return page;
    }

    private async Task<IResult> CreateAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        Record(http, body);
        var incident = JsonNode.Parse(SharedExternal.Read("statuspage/webhook.incident-created.zulip.json"))!["incident"]!.AsObject();
        bool lose;
        lock (calls)
        {
            incident["id"] = incidents.Count == 0 ? (string)incident["id"]! : $"{(string)incident["id"]!}{incidents.Count}";
            Overlay(incident, body);
            incidents.Add(incident);
            lose = LoseAnswers-- > 0;
        }
        if (lose)
        {
            http.Abort();
            return Results.Empty;
        }
        return Results.Content(incident.ToJsonString(), "application/json", statusCode: 201);
    }

    private async Task<IResult> UpdateAsync(HttpContext http, string id)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        Record(http, body);
        lock (calls)
        {
            if (incidents.FirstOrDefault(i => (string?)i["id"] == id) is not { } incident) return Results.Json(new { error = "Incident not found" }, statusCode: 404);
            Overlay(incident, body);
            return Results.Content(incident.ToJsonString(), "application/json");
        }
    }

    private static void Overlay(JsonObject incident, JsonObject body)
    {
        foreach (var (key, value) in body["incident"]!.AsObject()) incident[key] = value?.DeepClone();
    }

    private void Record(HttpContext http, JsonObject? body)
    {
        lock (calls) calls.Add(new StatuspageCall(http.Request.Method, http.Request.Path, http.Request.Headers.Authorization.ToString(), body));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
