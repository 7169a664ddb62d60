using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecOps.Bot.Slack;

/// <summary>Small readers for Slack's JSON payloads and our own button values.</summary>
public static class SlackPayload
{
    public static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = node?[key];
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    public static bool Flag(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = node?[key];
        return node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
    }

    /// <summary>The form fields of a form-encoded body; a missing field reads as null rather than throwing.</summary>
    public static Func<string, string?> Form(string body)
    {
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body);
        return name => fields.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;
    }

    /// <summary>The JSON object in <paramref name="json"/>, or an empty one when it holds none.</summary>
    public static JsonObject Object(string? json)
    {
        try { return string.IsNullOrEmpty(json) ? [] : JsonNode.Parse(json) as JsonObject ?? []; }
        catch (JsonException) { return []; }
    }

    /// <summary>A button's value as the data it carries; null when it is not our JSON object.</summary>
    public static Dictionary<string, string>? Data(string? value)
    {
        if (string.IsNullOrEmpty(value)) return [];
        try
        {
            return JsonNode.Parse(value) is JsonObject data
                ? data.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
