using System.Text.Json.Nodes;

namespace ExecOps.Bot.Teams;

/// <summary>
/// A Bot Framework activity as it arrived, its shape checked by <see cref="TeamsActivityShape"/>:
/// typed readers over the JSON, nothing more. A reader gives null for anything absent or of another type.
/// </summary>
public sealed class TeamsActivity(JsonObject json)
{
    public string? Type => Text("type");
    public string? Name => Text("name");
    public string? Id => Text("id");
    public string? ServiceUrl => Text("serviceUrl");
    public string? ChannelId => Text("channelId");
    public string? ConversationId => Text("conversation", "id");
    public string? ConversationType => Text("conversation", "conversationType");
    public string? TenantId => Text("conversation", "tenantId") ?? Text("channelData", "tenant", "id");
    public string? FromId => Text("from", "id");
    public string? FromName => Text("from", "name");
    public string? FromAadObjectId => Text("from", "aadObjectId");
    public string? RecipientId => Text("recipient", "id");
    public string? ReplyToId => Text("replyToId");
    public string? MessageText => Text("text");
    public bool IsPersonal => ConversationType == "personal";

    public IEnumerable<string> MembersAdded =>
        (json["membersAdded"] as JsonArray ?? []).Select(m => Text(m, "id")).OfType<string>();

    /// <summary>The Action.Execute of an adaptiveCard/action invoke: its verb and data, flattened to strings.</summary>
    public (string? Verb, Dictionary<string, string> Data, bool Automatic) CardAction()
    {
        var action = (json["value"] as JsonObject)?["action"] as JsonObject;
        var data = (action?["data"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "");
        return (Text(action, "verb"), data, Text("value", "trigger") == "automatic");
    }

    private string? Text(params string[] path) => Text(json, path);

    private static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = (node as JsonObject)?[key];
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
