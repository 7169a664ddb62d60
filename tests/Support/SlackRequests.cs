using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Slack;

namespace ExecOps.Tests.Support;

/// <summary>Posts to the bot's Slack endpoints as Slack does: signed, with the bot's own clock for the timestamp.</summary>
public sealed class SlackRequests(HttpClient http, TimeProvider clock, string secret)
{
    public const string Secret = "test-signing-secret";

    public Task<HttpResponseMessage> CommandAsync(string userId, string command, string text, string responseUrl, string? triggerId = null) =>
        PostFormAsync("/api/slack/commands", new Dictionary<string, string>
        {
            ["token"] = "unused", ["team_id"] = "T0EXECOPS", ["team_domain"] = "execops", ["channel_id"] = "C0GENERAL", ["channel_name"] = "general",
            ["user_id"] = userId, ["user_name"] = userId.ToLowerInvariant(), ["command"] = command, ["text"] = text,
            ["response_url"] = responseUrl, ["trigger_id"] = triggerId ?? Guid.NewGuid().ToString("N"),
        });

    public Task<HttpResponseMessage> InteractionAsync(JsonObject payload) =>
        PostFormAsync("/api/slack/interactions", new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });

    public Task<HttpResponseMessage> EventAsync(string json, int? retryNumber = null) =>
        SendAsync("/api/slack/events", Encoding.UTF8.GetBytes(json), "application/json", retryNumber is { } n ? new() { ["X-Slack-Retry-Num"] = n.ToString(), ["X-Slack-Retry-Reason"] = "http_timeout" } : null);

    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields) =>
        SendAsync(path, Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"))), "application/x-www-form-urlencoded");

    /// <summary>Sends <paramref name="body"/> as is; the signature and timestamp can be overridden to test refusals.</summary>
    public Task<HttpResponseMessage> SendAsync(string path, byte[] body, string contentType, Dictionary<string, string>? headers = null, string? signature = null, string? timestamp = null, bool sign = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (sign)
        {
            var stamp = timestamp ?? clock.GetUtcNow().ToUnixTimeSeconds().ToString();
            request.Headers.Add("X-Slack-Request-Timestamp", stamp);
            request.Headers.Add("X-Slack-Signature", signature ?? SlackSignature.Create(secret, stamp, body));
        }
        foreach (var (name, value) in headers ?? []) request.Headers.Add(name, value);
        return http.SendAsync(request);
    }
}
