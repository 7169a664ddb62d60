using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>Reads the buttons of a message the fake Slack received (or the bot answered with), and presses one as Slack would (a block_actions payload).</summary>
public static class SlackButtons
{
    public static IEnumerable<JsonNode> Of(FakeSlackCall message) => Of(message.Body);

    /// <summary>The buttons of a message as JSON: a Web API call's body, or the bot's answer to a slash command.</summary>
    public static IEnumerable<JsonNode> Of(JsonObject message) =>
        message["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray())!;

    public static JsonObject Value(FakeSlackCall message, string actionId) =>
        (JsonObject)JsonNode.Parse((string)Of(message).Single(b => (string?)b["action_id"] == actionId)["value"]!)!;

    public static JsonObject Press(string user, string actionId, JsonObject value, string channel, string ts = "1700000000.000100", bool ephemeral = false) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() },
        ["trigger_id"] = Guid.NewGuid().ToString("N"),
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = ephemeral },
        ["channel"] = new JsonObject { ["id"] = channel },
        ["response_url"] = "http://127.0.0.1:1/unused",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = actionId, ["value"] = value.ToJsonString(), ["action_ts"] = DateTime.UtcNow.Ticks.ToString(),
        }),
    };
}
