using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ExecOps.Tests.Support;

/// <summary>One create-issue call Jira received: its basic auth and its body.</summary>
public sealed record JiraCall(string Authorization, JsonObject Body);

/// <summary>How the fake answers one create-issue call.</summary>
public enum JiraAnswer { Created, Unavailable, Refused, CreatedAndLost }

/// <summary>
/// Jira Cloud's create-issue and JQL search on loopback. Each create is answered by the next scripted
/// <see cref="JiraAnswer"/> (Created once the script runs out): the documented 201 or 400 examples verbatim, a 503
/// with Retry-After, or an issue created whose answer never arrives. Search finds created issues by label.
/// </summary>
public sealed class FakeJira : IAsyncDisposable
{
    private readonly ConcurrentQueue<JiraAnswer> script = new();
    private readonly List<JiraCall> calls = [];
    private readonly List<JsonObject> issues = [];
    private WebApplication app = null!;

    public string Url { get; private set; } = "";

    public IReadOnlyList<JiraCall> Calls { get { lock (calls) return calls.ToList(); } }

    /// <summary>The issues that exist in Jira now, whatever the bot heard of them.</summary>
    public IReadOnlyList<JsonObject> Issues { get { lock (calls) return issues.ToList(); } }

    public void Then(params JiraAnswer[] answers)
    {
        foreach (var answer in answers) script.Enqueue(answer);
    }

    public static async Task<FakeJira> StartAsync()
    {
        var jira = new FakeJira();
        jira.app = LoopbackHost.Create();
        jira.app.MapPost("/rest/api/3/issue", (Delegate)jira.CreateAsync);
        jira.app.MapGet("/rest/api/3/search/jql", (HttpRequest request) =>
        {
            var jql = request.Query["jql"].ToString();
            lock (jira.calls)
            {
                var found = jira.issues.Where(i => i["fields"]!["labels"]!.AsArray().Any(l => jql == $"labels = \"{(string)l!}\"")).Select(i => new { key = (string)i["key"]! });
                return Results.Json(new { issues = found.ToList() });
            }
        });
        jira.Url = (await LoopbackHost.StartAsync(jira.app))[0];
        return jira;
    }

    private async Task<IResult> CreateAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        var answer = script.TryDequeue(out var next) ? next : JiraAnswer.Created;
        lock (calls)
        {
            calls.Add(new JiraCall(http.Request.Headers.Authorization.ToString(), body));
            if (answer is JiraAnswer.Created or JiraAnswer.CreatedAndLost)
                issues.Add(new JsonObject { ["key"] = issues.Count == 0 ? "ED-24" : $"ED-{24 + issues.Count}", ["fields"] = body["fields"]!.DeepClone() });
        }
        switch (answer)
        {
            case JiraAnswer.Unavailable:
                http.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case JiraAnswer.Refused:
                return Results.Content(SharedExternal.Read("jira/create-issue.response-400.atlassian-openapi.json"), "application/json", statusCode: 400);
            case JiraAnswer.CreatedAndLost:
                http.Abort();
                return Results.Empty;
            default:
                var created = JsonNode.Parse(SharedExternal.Read("jira/create-issue.response-201.atlassian-openapi.json"))!.AsObject();
                lock (calls) created["key"] = (string)issues[^1]["key"]!;
                return Results.Content(created.ToJsonString(), "application/json", statusCode: 201);
        }
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
