using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Slack.Api;

/// <summary>
/// The few Slack Web API methods the bot uses, over plain HttpClient. Writes go as JSON bodies, reads
/// (users.*) as GET with a query string, which is all those methods accept; files.getUploadURLExternal
/// goes as a form, the one content type every version of its reference lists. Every call waits its turn
/// in <see cref="SlackRateLimits"/>, and every failure is a <see cref="SlackApiException"/>.
/// </summary>
public sealed class SlackWebApi(HttpClient http, IOptions<SlackSettings> settings, SlackRateLimits limits, CoalescedEdits edits)
{
    private const string ResponseUrl = "response_url";
    private const string UploadUrl = "upload_url";
    private const string GetUploadUrl = "files.getUploadURLExternal";

    public async Task<SlackMessageRef> PostMessageAsync(string channel, string text, JsonArray? blocks, string? threadTs = null, CancellationToken cancel = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["link_names"] = true, ["unfurl_links"] = false };
        if (blocks is not null) body["blocks"] = blocks.DeepClone();
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var reply = await PostAsync("chat.postMessage", body, channel, cancel);
        // Slack answers with the channel id even when we named the channel, and later calls need the id.
        return new SlackMessageRef(Text(reply["channel"]) ?? channel, Required(reply, "chat.postMessage", "ts", reply["ts"]));
    }

    /// <summary>Edits a message; edits of the same message that wait for a turn together go out once, as the newest.</summary>
    public Task UpdateAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken cancel = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text };
        if (blocks is not null) body["blocks"] = blocks.DeepClone();
        return edits.EditAsync($"{channel}/{ts}", body, newest => PostAsync("chat.update", newest, channel, cancel));
    }

    public async Task PostEphemeralAsync(string channel, string user, string text, JsonArray? blocks, CancellationToken cancel = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        if (blocks is not null) body["blocks"] = blocks.DeepClone();
        await PostAsync("chat.postEphemeral", body, channel, cancel);
    }

    /// <summary>Creates a channel and returns its id.</summary>
    public async Task<string> CreateChannelAsync(string name, bool isPrivate = false, CancellationToken cancel = default)
    {
        var reply = await PostAsync("conversations.create", new JsonObject { ["name"] = name, ["is_private"] = isPrivate }, name, cancel);
        return Required(reply, "conversations.create", "channel.id", (reply["channel"] as JsonObject)?["id"]);
    }

    /// <summary>Adds people to a channel; someone already there counts as added.</summary>
    public async Task InviteAsync(string channel, IReadOnlyCollection<string> users, CancellationToken cancel = default)
    {
        try
        {
            await PostAsync("conversations.invite", new JsonObject { ["channel"] = channel, ["users"] = string.Join(',', users) }, channel, cancel);
        }
        catch (SlackApiException e) when (e.Error == "already_in_channel" && users.Count > 1)
        {
            // Slack invites nobody when one of several is already a member, so go one by one.
            foreach (var user in users) await InviteAsync(channel, [user], cancel);
        }
        catch (SlackApiException e) when (e.Error == "already_in_channel") { }
    }

    public async Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancel = default) =>
        await PostAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, triggerId, cancel);

    /// <summary>Null when Slack knows no such user.</summary>
    public async Task<SlackUser?> UserInfoAsync(string userId, CancellationToken cancel = default)
    {
        try { return ToUser("users.info", await GetAsync("users.info", "user", userId, userId, cancel)); }
        catch (SlackApiException e) when (e.Error == "user_not_found") { return null; }
    }

    /// <summary>Null when nobody in the workspace has that address.</summary>
    public async Task<SlackUser?> LookupByEmailAsync(string email, CancellationToken cancel = default)
    {
        // Older docs name the error user_not_found, newer ones users_not_found.
        try { return ToUser("users.lookupByEmail", await GetAsync("users.lookupByEmail", "email", email, null, cancel)); }
        catch (SlackApiException e) when (e.Error is "users_not_found" or "user_not_found") { return null; }
    }

    /// <summary>Answers a slash command or interaction through its response_url, which needs no token.</summary>
    public async Task RespondAsync(string responseUrl, JsonObject message, CancellationToken cancel = default)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url))
            throw new SlackApiException(ResponseUrl, "invalid_url", true, $"'{responseUrl}' is not an absolute URL, so it cannot be a Slack response_url.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(message) };
        using var response = await SendAsync(ResponseUrl, request, cancel);
        if (!response.IsSuccessStatusCode) throw HttpFailure(ResponseUrl, null, response, await ReadAsync(response, cancel));
    }

    /// <summary>
    /// Shares a Markdown file in a channel (by id, not name), as a reply under <paramref name="threadTs"/>
    /// when given, and returns its file id. files.upload is retired, so this is Slack's external upload:
    /// ask for an upload URL, send the bytes there, then complete the upload into the channel.
    /// </summary>
    public async Task<string> UploadMarkdownAsync(string channelId, string filename, string markdown, string? threadTs = null, CancellationToken cancel = default)
    {
        var bytes = Encoding.UTF8.GetBytes(markdown);
        var fields = new Dictionary<string, string> { ["filename"] = filename, ["length"] = bytes.Length.ToString(CultureInfo.InvariantCulture) };
        var ticket = await PostFormAsync(GetUploadUrl, fields, filename, cancel);
        var fileId = Required(ticket, GetUploadUrl, "file_id", ticket["file_id"]);
        await SendBytesAsync(Required(ticket, GetUploadUrl, "upload_url", ticket["upload_url"]), bytes, $"{fileId} ({filename})", cancel);

        var body = new JsonObject { ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = filename }), ["channel_id"] = channelId };
        if (threadTs is not null) body["thread_ts"] = threadTs;
        await PostAsync("files.completeUploadExternal", body, $"{fileId} ({filename}) in {channelId}", cancel);
        return fileId;
    }

    private Task<JsonObject> PostAsync(string method, JsonObject body, string subject, CancellationToken cancel) =>
        PostAsync(method, () => body, subject, cancel);

    /// <summary>The body is read when the call's turn comes, so a caller may still change what goes out.</summary>
    private Task<JsonObject> PostAsync(string method, Func<JsonObject> body, string subject, CancellationToken cancel) =>
        CallAsync(method, subject, () => new HttpRequestMessage(HttpMethod.Post, Url(method)) { Content = Json(body()) }, cancel);

    private Task<JsonObject> PostFormAsync(string method, Dictionary<string, string> fields, string subject, CancellationToken cancel) =>
        CallAsync(method, subject, () => new HttpRequestMessage(HttpMethod.Post, Url(method)) { Content = new FormUrlEncodedContent(fields) }, cancel);

    private Task<JsonObject> GetAsync(string method, string field, string value, string? subject, CancellationToken cancel) =>
        CallAsync(method, subject, () => new HttpRequestMessage(HttpMethod.Get, $"{Url(method)}?{field}={Uri.EscapeDataString(value)}"), cancel);

    private async Task<JsonObject> CallAsync(string method, string? subject, Func<HttpRequestMessage> build, CancellationToken cancel)
    {
        var token = settings.Value.BotToken;
        if (string.IsNullOrWhiteSpace(token))
            throw new SlackApiException(method, "not_configured", true,
                $"Cannot call Slack's {method}: no bot token. Set Slack:BotToken (environment variable Slack__BotToken) to the app's xoxb- token.");

        await limits.WaitTurnAsync(method, subject, cancel);
        using var request = build();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await SendAsync(method, request, cancel);
        var (reply, raw) = await ReadAsync(response, cancel);
        if (!response.IsSuccessStatusCode)
        {
            var failure = HttpFailure(method, subject, response, (reply, raw));
            if (failure.RetryAfter is { } wait) limits.Pause(method, wait);
            throw failure;
        }
        if (reply is null)
            throw new SlackApiException(method, "invalid_response", false,
                $"Slack's {method}{About(subject)} answered {(int)response.StatusCode} with something that is not JSON: {Clip(raw)}", httpStatus: (int)response.StatusCode);
        if (reply["ok"] is JsonValue ok && ok.TryGetValue(out bool succeeded) && succeeded) return reply;

        var error = Text(reply["error"]) ?? "unknown_error";
        throw new SlackApiException(method, error, SlackApiException.IsPermanentError(error),
            $"Slack refused {method}{About(subject)}: {error}", httpStatus: (int)response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, HttpRequestMessage request, CancellationToken cancel)
    {
        try { return await http.SendAsync(request, cancel); }
        catch (HttpRequestException e)
        {
            throw new SlackApiException(method, "unreachable", false, $"Could not reach Slack for {method}: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new SlackApiException(method, "timeout", false, $"Slack did not answer {method} within {http.Timeout.TotalSeconds:0}s.", inner: e);
        }
    }

    /// <summary>
    /// The upload URL is pre-signed, so the bot token stays out of it. It is no Web API method and has
    /// no tier of its own; the paced files.getUploadURLExternal before each upload sets its pace.
    /// </summary>
    private async Task SendBytesAsync(string uploadUrl, byte[] bytes, string subject, CancellationToken cancel)
    {
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            throw new SlackApiException(GetUploadUrl, "invalid_response", false, $"Slack's {GetUploadUrl} for {subject} answered with an upload_url that is not a web address: {Clip(uploadUrl)}");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/markdown") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        using var response = await SendAsync(UploadUrl, request, cancel);
        // Slack's reference: 200 means the bytes arrived, anything else that they did not.
        if (response.StatusCode != HttpStatusCode.OK) throw HttpFailure(UploadUrl, subject, response, await ReadAsync(response, cancel));
    }

    private static SlackApiException HttpFailure(string method, string? subject, HttpResponseMessage response, (JsonObject? Reply, string Raw) answer)
    {
        var status = (int)response.StatusCode;
        var error = Text(answer.Reply?["error"]) ?? $"http_{status}";
        // Slack sends Retry-After in seconds.
        return new SlackApiException(method, error, DeliveryFailedException.IsPermanentStatus(status),
            $"Slack's {method}{About(subject)} answered HTTP {status}: {(answer.Reply is null ? Clip(answer.Raw) : error)}",
            response.Headers.RetryAfter?.Delta, status);
    }

    private static async Task<(JsonObject? Reply, string Raw)> ReadAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        var raw = await response.Content.ReadAsStringAsync(cancel);
        try { return (JsonNode.Parse(raw) as JsonObject, raw); }
        catch (JsonException) { return (null, raw); }
    }

    private static SlackUser ToUser(string method, JsonObject reply)
    {
        var user = reply["user"] as JsonObject;
        var profile = user?["profile"] as JsonObject;
        return new SlackUser(Required(reply, method, "user.id", user?["id"]), Text(profile?["email"]),
            Text(user?["real_name"]) ?? Text(profile?["real_name"]) ?? Text(user?["name"]));
    }

    private static string Required(JsonObject reply, string method, string path, JsonNode? value) =>
        Text(value) ?? throw new SlackApiException(method, "invalid_response", false, $"Slack's {method} said ok but left out {path}: {Clip(reply.ToJsonString())}");

    private Uri Url(string method)
    {
        var root = settings.Value.ApiBaseUrl;
        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), method);
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string About(string? subject) => subject is null ? "" : $" for {subject}";

    private static string Clip(string raw) => raw.Length <= 200 ? raw : raw[..200] + "…";
}
