using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecOps.Bot.Teams;

/// <summary>
/// What an activity must hold for the handler to act on it and answer, checked before it runs: each
/// field the handler reads has the type the Bot Framework schema gives it. The first field that does
/// not is named in the refusal, with what it should be.
/// </summary>
public static class TeamsActivityShape
{
    private enum Kind { Text, Object, Array }

    private sealed record Field(string Path, Kind Kind, bool Required, string Meaning);

    private static readonly Field[] Always =
    [
        new("type", Kind.Text, true, "the activity type, e.g. \"message\""),
        new("id", Kind.Text, false, "the activity id"),
        new("name", Kind.Text, false, "the invoke name"),
        new("text", Kind.Text, false, "the message text"),
        new("replyToId", Kind.Text, false, "the id of the message replied to"),
        new("serviceUrl", Kind.Text, true, "the Bot Connector URL to answer at"),
        new("channelId", Kind.Text, false, "the channel, e.g. \"msteams\""),
        new("conversation", Kind.Object, true, "the conversation, an object with an id"),
        new("conversation.id", Kind.Text, true, "the conversation id"),
        new("conversation.conversationType", Kind.Text, false, "personal, groupChat or channel"),
        new("conversation.tenantId", Kind.Text, false, "the tenant id"),
        new("from", Kind.Object, false, "the sender, an object with an id"),
        new("from.id", Kind.Text, false, "the sender's channel account id"),
        new("from.name", Kind.Text, false, "the sender's display name"),
        new("from.aadObjectId", Kind.Text, false, "the sender's Entra object id"),
        new("recipient", Kind.Object, false, "the bot, an object with an id"),
        new("recipient.id", Kind.Text, false, "the bot's channel account id"),
        new("channelData", Kind.Object, false, "Teams' channel data, an object"),
        new("channelData.tenant", Kind.Object, false, "the tenant, an object with an id"),
        new("channelData.tenant.id", Kind.Text, false, "the tenant id"),
        new("membersAdded", Kind.Array, false, "the members added, an array of objects with an id"),
    ];

    private static readonly Field[] FromSomeone = [new("from", Kind.Object, true, "the sender, an object with an id"), new("from.id", Kind.Text, true, "the sender's channel account id")];

    private static readonly Field[] CardAction =
    [
        new("value", Kind.Object, true, "the invoke's value, an object holding the action"),
        new("value.action", Kind.Object, true, "the Action.Execute pressed, an object with a verb"),
        new("value.action.verb", Kind.Text, true, "the verb of the button pressed"),
        new("value.action.data", Kind.Object, false, "the button's data, an object"),
        new("value.trigger", Kind.Text, false, "manual or automatic"),
    ];

    /// <returns>What is wrong with the activity, or null when the handler can act on it.</returns>
    public static string? Problem(JsonObject activity)
    {
        foreach (var field in Always)
            if (Check(activity, field) is { } problem) return problem;
        var type = activity["type"]!.GetValue<string>();
        if (!Uri.TryCreate(activity["serviceUrl"]!.GetValue<string>(), UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
            return "`serviceUrl` must be the absolute http(s) URL of the Bot Connector to answer at.";
        if (type is "message" or "invoke")
            foreach (var field in FromSomeone)
                if (Check(activity, field) is { } problem) return problem;
        if (type == "invoke" && activity["name"]?.GetValue<string>() == "adaptiveCard/action")
            foreach (var field in CardAction)
                if (Check(activity, field) is { } problem) return problem;
        if (activity["membersAdded"] is JsonArray members && members.Any(m => m is not JsonObject member || member["id"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String))
            return "`membersAdded` must be an array of objects, each with a string `id`.";
        return null;
    }

    private static string? Check(JsonObject activity, Field field)
    {
        JsonNode? node = activity;
        foreach (var step in field.Path.Split('.'))
        {
            // A missing parent is reported by its own field; a parent of the wrong type has been reported already.
            if (node is not JsonObject parent) return null;
            node = parent[step];
        }
        if (node is null) return field.Required ? $"`{field.Path}` is missing; it is {field.Meaning}." : null;
        var fits = field.Kind switch
        {
            Kind.Text => node is JsonValue v && v.GetValueKind() == JsonValueKind.String,
            Kind.Object => node is JsonObject,
            _ => node is JsonArray,
        };
        return fits ? null : $"`{field.Path}` must be {Described(field.Kind)} ({field.Meaning}); it is {Described(node)}.";
    }

    private static string Described(Kind kind) => kind switch { Kind.Text => "a string", Kind.Object => "an object", _ => "an array" };

    private static string Described(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
