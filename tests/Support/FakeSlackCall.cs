using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>
/// One request the fake Slack received. Method is the Web API method ("chat.postMessage"),
/// "response_url" or "upload_url"; Body is the JSON body, or the query and form fields as strings.
/// </summary>
public sealed record FakeSlackCall(string Method, JsonObject Body, string? Authorization)
{
    /// <summary>When the fake received it.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>GET or POST.</summary>
    public string HttpMethod { get; init; } = "POST";

    /// <summary>The request's Content-Type header; null for a GET.</summary>
    public string? ContentType { get; init; }

    /// <summary>The raw bytes sent to an upload URL; null for every other call.</summary>
    public byte[]? Content { get; init; }

    /// <summary>The JSON the fake answered with; null when the call failed on request, and for an upload.</summary>
    public JsonObject? Reply { get; init; }

    /// <summary>A body field as text, or null when it is missing or not a string.</summary>
    public string? Text(string field) => Body[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public override string ToString() => $"{HttpMethod} {Method} {Body.ToJsonString()}";
}
