using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Support;

/// <summary>
/// Slack's Web API, response URLs and file upload URLs, served by Kestrel on loopback inside the test
/// process. It records every request, answers the methods the bot uses the way Slack does, and fails on request.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<FakeSlackCall> calls = [];
    private readonly Dictionary<string, Queue<Failure>> failures = [];
    private readonly Dictionary<string, (string Id, string Email, string Name)> users = [];
    private readonly HashSet<string> channelNames = [];
    private long counter;
    private string root = "";
    private Failure? outage;

    private const string UploadUrl = "upload_url";

    private sealed record Failure(int Status, string? Error, TimeSpan? RetryAfter)
    {
        /// <summary>Calls to let through before this one fails.</summary>
        public int After { get; set; }
    }

    private FakeSlack()
    {
        app = LoopbackHost.Create();
        app.UseWebSockets();
        app.Map("/link", SocketMode.AcceptAsync);
        app.Map("/api/{method}", context => AnswerAsync(context, (string)context.GetRouteValue("method")!, id: null));
        app.MapPost("/response/{id}", context => AnswerAsync(context, "response_url", (string)context.GetRouteValue("id")!));
        app.MapPost("/upload/{id}", context => AnswerAsync(context, UploadUrl, (string)context.GetRouteValue("id")!));
    }

    public static async Task<FakeSlack> StartAsync()
    {
        var slack = new FakeSlack();
        slack.root = (await LoopbackHost.StartAsync(slack.app)).Single();
        slack.SocketMode.Root = slack.root;
        return slack;
    }

    /// <summary>Socket Mode's side of Slack: the connections `apps.connections.open` hands out.</summary>
    public FakeSocketMode SocketMode { get; } = new();

    /// <summary>Set Slack:ApiBaseUrl to this.</summary>
    public string ApiBaseUrl => $"{root}/api/";

    /// <summary>A response_url; posts to it are recorded as "response_url" with the id in the body's "_id".</summary>
    public string ResponseUrl(string id) => $"{root}/response/{Uri.EscapeDataString(id)}";

    public IReadOnlyList<FakeSlackCall> Calls { get { lock (gate) return calls.ToArray(); } }

    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToArray();

    /// <summary>The first call to <paramref name="method"/> (that matches), waiting for it if it has not come yet.</summary>
    public async Task<FakeSlackCall> WaitForAsync(string method, Func<FakeSlackCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (CallsTo(method).FirstOrDefault(c => match?.Invoke(c) ?? true) is { } call) return call;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Slack saw no {(match is null ? "" : "matching ")}{method} call in time. Calls seen:\n  "
                    + (Calls.Count == 0 ? "none" : string.Join("\n  ", Calls)));
            await Task.Delay(25);
        }
    }

    /// <summary>A workspace member, for users.info and users.lookupByEmail.</summary>
    public void AddUser(string id, string email, string name)
    {
        lock (gate) users[id] = (id, email, name);
    }

    /// <summary>
    /// The next call to <paramref name="method"/> fails: with <paramref name="httpStatus"/> 200 and an error
    /// as {ok:false}; with 200 and no error as a body that is not JSON; otherwise with that status
    /// (and Retry-After when given, in whole seconds, as Slack sends it). With <paramref name="after"/>,
    /// that many calls to the method go through first. Uploads of file bytes are the method "upload_url".
    /// </summary>
    public void FailNext(string method, int httpStatus, string? error = null, TimeSpan? retryAfter = null, int after = 0)
    {
        lock (gate)
        {
            if (!failures.TryGetValue(method, out var queue)) failures[method] = queue = new Queue<Failure>();
            queue.Enqueue(new Failure(httpStatus, error, retryAfter) { After = after });
        }
    }

    /// <summary>From now on every call fails with <paramref name="httpStatus"/> (and Retry-After when given), as in an outage, until <see cref="Recover"/>.</summary>
    public void Outage(int httpStatus, TimeSpan? retryAfter = null)
    {
        lock (gate) outage = new Failure(httpStatus, null, retryAfter);
    }

    public void Recover()
    {
        lock (gate) outage = null;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, string method, string? id)
    {
        var request = context.Request;
        var content = method == UploadUrl ? await ReadBytesAsync(request) : null;
        var body = content is null ? await ReadBodyAsync(request) : [];
        if (id is not null) body["_id"] = id;
        var authorization = request.Headers.Authorization.ToString();
        Failure? failure;
        JsonObject? reply;
        lock (gate)
        {
            failure = NextFailure(method);
            // A pre-signed URL (response or upload) needs no token; the Web API refuses a call without one.
            reply = failure is not null || content is not null ? null
                : id is not null ? new JsonObject { ["ok"] = true }
                : !authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? Refusal("not_authed")
                : Answer(method, body);
            calls.Add(new FakeSlackCall(method, body, authorization.Length == 0 ? null : authorization)
            {
                HttpMethod = request.Method,
                ContentType = request.ContentType,
                Content = content,
                Reply = reply?.DeepClone().AsObject(),
            });
        }

        if (failure is not null) await FailAsync(context.Response, failure);
        else if (reply is null) await context.Response.WriteAsync("OK");
        else await WriteJsonAsync(context.Response, reply);
    }

    private Failure? NextFailure(string method)
    {
        if (outage is not null) return outage;
        if (!failures.TryGetValue(method, out var queue) || !queue.TryPeek(out var next)) return null;
        if (next.After-- > 0) return null;
        return queue.Dequeue();
    }

    private static async Task FailAsync(HttpResponse response, Failure failure)
    {
        response.StatusCode = failure.Status;
        if (failure.RetryAfter is { } wait) response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        if (failure.Error is not null) await WriteJsonAsync(response, Refusal(failure.Error));
        else if (failure.Status == 200) await response.WriteAsync("<html><body>Bad gateway, from a proxy</body></html>");
    }

    private JsonObject Answer(string method, JsonObject body)
    {
        string? Field(string name) => body[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        lock (gate)
        {
            switch (method)
            {
                case "chat.postMessage":
                    return new() { ["ok"] = true, ["channel"] = PostedIn(Field("channel") ?? ""), ["ts"] = NextTs() };
                case "apps.connections.open":
                    return new() { ["ok"] = true, ["url"] = SocketMode.NextUrl };
                case "chat.update":
                    return new() { ["ok"] = true, ["channel"] = Field("channel"), ["ts"] = Field("ts"), ["text"] = Field("text") };
                case "chat.postEphemeral":
                    return new() { ["ok"] = true, ["message_ts"] = NextTs() };
                case "conversations.create":
                    var name = Field("name") ?? "";
                    if (!channelNames.Add(name)) return Refusal("name_taken");
                    var channelInfo = new JsonObject { ["id"] = ChannelId(name), ["name"] = name, ["is_private"] = body["is_private"]?.DeepClone() ?? false };
                    return new() { ["ok"] = true, ["channel"] = channelInfo };
                case "conversations.invite":
                    return new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = Field("channel") } };
                case "files.getUploadURLExternal":
                    var fileId = $"F{Interlocked.Increment(ref counter):D8}";
                    return new() { ["ok"] = true, ["upload_url"] = $"{root}/upload/{fileId}", ["file_id"] = fileId };
                case "files.completeUploadExternal":
                    return new() { ["ok"] = true, ["files"] = body["files"]?.DeepClone() ?? new JsonArray() };
                case "views.open":
                    return new() { ["ok"] = true, ["view"] = new JsonObject { ["id"] = $"V{Interlocked.Increment(ref counter):D8}" } };
                case "users.info":
                    return users.TryGetValue(Field("user") ?? "", out var byId) ? UserReply(byId) : Refusal("user_not_found");
                case "users.lookupByEmail":
                    var byEmail = users.Values.Where(u => string.Equals(u.Email, Field("email"), StringComparison.OrdinalIgnoreCase)).ToList();
                    return byEmail.Count > 0 ? UserReply(byEmail[0]) : Refusal("users_not_found");
                default:
                    return Refusal("unknown_method");
            }
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        var fields = new JsonObject();
        foreach (var (key, value) in request.Query) fields[key] = value.ToString();
        if (request.HasFormContentType)
            foreach (var (key, value) in await request.ReadFormAsync()) fields[key] = value.ToString();
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            try
            {
                if (JsonNode.Parse(text) is JsonObject json)
                    foreach (var (key, value) in json) fields[key] = value?.DeepClone();
            }
            catch (JsonException) { fields["_unparsed"] = text; }
        }
        return fields;
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request)
    {
        using var bytes = new MemoryStream();
        await request.Body.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private string NextTs() => $"1700000000.{Interlocked.Increment(ref counter) * 100:D6}";

    /// <summary>Slack answers with the id of where a message went: a channel named "#name" by its id, a user by their direct message's.</summary>
    private static string PostedIn(string channel) => channel switch
    {
        ['#', .. var name] => ChannelId(name),
        ['U' or 'W', ..] => "D" + Hash(channel),
        _ => channel,
    };

    // Stable across runs, so posting to "#name" and creating "name" agree on the id.
    public static string ChannelId(string name) => "C" + Hash(name);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    private static JsonObject UserReply((string Id, string Email, string Name) user) => new()
    {
        ["ok"] = true,
        ["user"] = new JsonObject
        {
            ["id"] = user.Id, ["name"] = user.Name, ["real_name"] = user.Name,
            ["profile"] = new JsonObject { ["email"] = user.Email, ["real_name"] = user.Name },
        },
    };

    private static JsonObject Refusal(string error) => new() { ["ok"] = false, ["error"] = error };

    private static Task WriteJsonAsync(HttpResponse response, JsonObject json)
    {
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(json.ToJsonString());
    }
}
