using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>
/// One request the fake Bot Connector received. Path is relative to the serviceUrl with the ids
/// decoded ("/v3/conversations/a:1/activities"); Body is the JSON body, or the form fields for a token request.
/// </summary>
public sealed record FakeConnectorCall(string HttpMethod, string Path, JsonObject? Body, string? Authorization)
{
    /// <summary>The request target exactly as sent, still percent-encoded, from the root of the host.</summary>
    public string RawTarget { get; init; } = "";

    /// <summary>A body field as text, or null when it is missing or not a string.</summary>
    public string? Text(string field) => Body?[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public override string ToString() => $"{HttpMethod} {Path} {Body?.ToJsonString()}";
}
