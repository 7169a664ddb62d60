using System.Text.Json.Nodes;
using ExecOps.Bot.Api;

namespace ExecOps.Bot.Slack.SocketMode;

/// <summary>What arrives on a Socket Mode connection: Slack's greeting, a request to reconnect, or an envelope to acknowledge.</summary>
public enum SocketModeKind { Hello, Disconnect, EventsApi, SlashCommands, Interactive, Unknown }

/// <summary>
/// One Socket Mode frame, read: its kind, and for an envelope its id (what the acknowledgement sends back), its payload (what
/// the HTTP endpoint would have received), whether Slack takes an answer in the acknowledgement, and whether it is a redelivery.
/// </summary>
public sealed record SocketModeMessage(
    SocketModeKind Kind,
    string? EnvelopeId = null,
    JsonObject? Payload = null,
    bool AcceptsResponsePayload = false,
    int RetryAttempt = 0,
    string? RetryReason = null,
    string? DisconnectReason = null,
    int? Connections = null)
{
    public bool IsEnvelope => EnvelopeId is not null;

    /// <summary>The frame read as Slack sends it; a frame that is not one JSON object is Unknown and acknowledged by nobody.</summary>
    public static SocketModeMessage Read(string frame)
    {
        if (StrictJson.Object(frame) is not { } message) return new(SocketModeKind.Unknown);
        var kind = SlackPayload.Text(message, "type") switch
        {
            "hello" => SocketModeKind.Hello,
            "disconnect" => SocketModeKind.Disconnect,
            "events_api" => SocketModeKind.EventsApi,
            "slash_commands" => SocketModeKind.SlashCommands,
            "interactive" => SocketModeKind.Interactive,
            _ => SocketModeKind.Unknown,
        };
        return new(kind, SlackPayload.Text(message, "envelope_id") is { Length: > 0 } id ? id : null, message["payload"] as JsonObject,
            SlackPayload.Flag(message, "accepts_response_payload"), Number(message, "retry_attempt") ?? 0,
            SlackPayload.Text(message, "retry_reason") is { Length: > 0 } reason ? reason : null,
            SlackPayload.Text(message, "reason"), Number(message, "num_connections"));
    }

    /// <summary>The acknowledgement Slack waits three seconds for: the envelope's id, and the answer where it takes one.</summary>
    public static string Acknowledge(string envelopeId, JsonObject? answer = null)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (answer is not null) ack["payload"] = answer.DeepClone();
        return ack.ToJsonString();
    }

    private static int? Number(JsonObject message, string key) => message[key] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
