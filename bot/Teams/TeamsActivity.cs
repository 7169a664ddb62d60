using System.Text.Json.Nodes;

namespace ExecOps.Bot.Teams;

/// <summary>A Bot Framework activity as it arrived: typed readers over the JSON, nothing more.</summary>
public sealed class TeamsActivity(JsonObject json)
{
    public JsonObject Json => json;
    public string? Type => Text("type");
    public string? Name => Text("name");
    public string? Id => Text("id");
    public string? ServiceUrl => Text("serviceUrl");
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
        (json["membersAdded"] as JsonArray ?? []).Select(m => m?["id"]?.GetValue<string>()).OfType<string>();

    /// <summary>The Action.Execute of an adaptiveCard/action invoke: its verb and data, flattened to strings.</summary>
    public (string? Verb, Dictionary<string, string> Data, bool Automatic) CardAction()
    {
        var action = json["value"]?["action"];
        var data = (action?["data"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "");
        return (action?["verb"]?.GetValue<string>(), data, Text("value", "trigger") == "automatic");
    }

    private string? Text(params string[] path)
    {
        JsonNode? node = json;
        foreach (var key in path) node = node?[key];
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
