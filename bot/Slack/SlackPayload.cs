using System.Text.Json.Nodes;
using ExecOps.Bot.Api;

namespace ExecOps.Bot.Slack;

/// <summary>Small readers for Slack's JSON payloads and our own button values.</summary>
public static class SlackPayload
{
    /// <summary>A string at <paramref name="path"/>; null when any step is missing or not what the path expects.</summary>
    public static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = (node as JsonObject)?[key];
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    public static bool Flag(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = (node as JsonObject)?[key];
        return node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
    }

    /// <summary>The first item of the array at <paramref name="key"/>; null when it is missing, empty or not an array.</summary>
    public static JsonNode? First(JsonNode? node, string key) => (node as JsonObject)?[key] is JsonArray { Count: > 0 } items ? items[0] : null;

    /// <summary>The form fields of a form-encoded body; a missing field reads as null rather than throwing.</summary>
    public static Func<string, string?> Form(string body)
    {
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body);
        return name => fields.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;
    }

    /// <summary>The JSON object in <paramref name="json"/>, or an empty one when it holds none.</summary>
    public static JsonObject Object(string? json) => string.IsNullOrEmpty(json) ? [] : StrictJson.Object(json) ?? [];

    /// <summary>A button's value as the data it carries; null when it is not our JSON object.</summary>
    public static Dictionary<string, string>? Data(string? value) =>
        string.IsNullOrEmpty(value) ? []
        : StrictJson.Object(value)?.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "");
}
