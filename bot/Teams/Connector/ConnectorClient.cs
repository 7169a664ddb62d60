using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;

namespace ExecOps.Bot.Teams.Connector;

/// <summary>
/// The Bot Connector REST calls the bot makes, at the serviceUrl an inbound activity named, each with
/// the bot's bearer token. Activities go as JSON exactly as given; every failure is a
/// <see cref="ConnectorException"/> that carries the conversation id.
/// </summary>
public sealed class ConnectorClient(HttpClient http, ConnectorTokens tokens, ILogger<ConnectorClient> logger)
{
    /// <summary>Posts a new activity to the conversation and returns its id.</summary>
    public async Task<string> SendAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancel = default)
    {
        var answer = await CallAsync(HttpMethod.Post, serviceUrl, conversationId, $"{Conversation(conversationId)}/activities", activity, cancel);
        return SentId(answer, conversationId);
    }

    /// <summary>Posts an activity as an answer to <paramref name="replyToId"/> (in a Teams channel, into its thread) and returns its id.</summary>
    public async Task<string> ReplyAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken cancel = default)
    {
        var body = WithDefault(activity, "replyToId", replyToId);
        var answer = await CallAsync(HttpMethod.Post, serviceUrl, conversationId, $"{Conversation(conversationId)}/activities/{Segment(replyToId)}", body, cancel);
        return SentId(answer, conversationId);
    }

    /// <summary>Replaces an activity the bot sent earlier (a card whose state moved on).</summary>
    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancel = default) =>
        await CallAsync(HttpMethod.Put, serviceUrl, conversationId, $"{Conversation(conversationId)}/activities/{Segment(activityId)}",
            WithDefault(activity, "id", activityId), cancel);

    /// <summary>Opens (or finds again) the one-to-one chat between the bot and a user, for proactive messages; returns its conversation id.</summary>
    public async Task<string> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string botId, string userId, CancellationToken cancel = default)
    {
        var parameters = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = tenantId,
            ["isGroup"] = false,
            // Teams reads the tenant from channelData; the top-level tenantId is the generic Connector field.
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        var subject = $"a personal chat with {userId}";
        var answer = await CallAsync(HttpMethod.Post, serviceUrl, subject, "v3/conversations", parameters, cancel);
        // Nothing was posted yet, so a retry after this failure cannot duplicate a message.
        return Text(answer?["id"]) ?? throw new ConnectorException(
            $"The Bot Connector created {subject} but did not say its id: {Clip(answer?.ToJsonString() ?? "(empty)")}", null, permanent: false);
    }

    /// <summary>One member of a conversation, with the Teams extras (AAD object id, email); null when the Connector knows no such member there.</summary>
    public async Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancel = default)
    {
        JsonObject? member;
        try { member = await CallAsync(HttpMethod.Get, serviceUrl, conversationId, $"{Conversation(conversationId)}/members/{Segment(userId)}", null, cancel); }
        catch (ConnectorException e) when (e.Status == 404) { return null; }

        // Guests and some tenants have no email; the user principal name is the address-like fallback.
        return new TeamsMember(Text(member?["id"]) ?? userId, Text(member?["name"]), Text(member?["aadObjectId"]),
            Text(member?["email"]) ?? Text(member?["userPrincipalName"]));
    }

    private async Task<JsonObject?> CallAsync(HttpMethod method, string serviceUrl, string subject, string path, JsonObject? body, CancellationToken cancel)
    {
        var url = Url(serviceUrl, path);
        var token = await tokens.GetAsync(cancel);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await SendAsync(request, subject, cancel);
        var raw = await response.Content.ReadAsStringAsync(cancel);
        if (response.IsSuccessStatusCode) return Parse(raw);

        var status = (int)response.StatusCode;
        var failure = new ConnectorException(
            $"The Bot Connector answered {status} to {method} {url.AbsolutePath} for {subject}: {Reason(raw)}",
            status, DeliveryFailedException.IsPermanentStatus(status), response.Headers.RetryAfter?.Delta);
        logger.LogWarning("Bot Connector {Method} {Path} for {Subject} failed with {Status}; permanent: {Permanent}.",
            method, url.AbsolutePath, subject, status, failure.Permanent);
        throw failure;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string subject, CancellationToken cancel)
    {
        try { return await http.SendAsync(request, cancel); }
        catch (HttpRequestException e)
        {
            throw new ConnectorException($"Could not reach the Bot Connector at {request.RequestUri} for {subject}: {e.Message}", null, permanent: false, inner: e);
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new ConnectorException($"The Bot Connector did not answer {request.Method} {request.RequestUri} for {subject} within {http.Timeout.TotalSeconds:0}s.", null, permanent: false, inner: e);
        }
    }

    /// <summary>
    /// serviceUrl comes with or without its trailing slash ("https://smba.trafficmanager.net/amer/"),
    /// and a relative path only lands under it when it has one.
    /// </summary>
    private static Uri Url(string serviceUrl, string path)
    {
        var root = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        if (!Uri.TryCreate(root, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            throw new ConnectorException($"'{serviceUrl}' is not an http(s) URL, so it cannot be a Bot Connector serviceUrl.", null, permanent: true);
        return new Uri(baseUrl, path);
    }

    private static string Conversation(string conversationId) => $"v3/conversations/{Segment(conversationId)}";

    // Teams ids carry ':' ';' '@' '=' and may carry more; escape everything reserved, as the Bot Framework SDK does.
    private static string Segment(string id) => Uri.EscapeDataString(id);

    // The SDK sends the id from the path in the body too, and channels may read it from there; the caller's object stays as it was.
    private static JsonObject WithDefault(JsonObject activity, string field, string value)
    {
        var body = activity.DeepClone().AsObject();
        body[field] ??= value;
        return body;
    }

    private string SentId(JsonObject? answer, string conversationId)
    {
        if (Text(answer?["id"]) is { } id) return id;
        // The activity went out; failing here would make the caller send it a second time.
        logger.LogWarning("The Bot Connector accepted an activity for {Conversation} but returned no id.", conversationId);
        return "";
    }

    // The Connector's ErrorResponse is {"error":{"code","message"}}; anything else is shown as it came.
    private static string Reason(string raw)
    {
        var error = Parse(raw)?["error"];
        return error is JsonObject ? $"{Text(error["code"])}: {Text(error["message"])}" : Clip(raw.Length == 0 ? "(empty)" : raw);
    }

    private static JsonObject? Parse(string raw)
    {
        try { return raw.Length == 0 ? null : JsonNode.Parse(raw) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string Clip(string raw) => raw.Length <= 200 ? raw : raw[..200] + "…";
}
