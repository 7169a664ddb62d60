using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecOps.Bot.Slack;

/// <summary>Small readers for Slack's JSON payloads and our own button values.</summary>
public static class SlackPayload
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// The JSON object a Slack body holds; null when it holds none, repeats a key or carries a lone
    /// surrogate, so that what is acknowledged is known to be readable later.
    /// </summary>
    public static JsonObject? ParseObject(string json)
    {
        try { return JsonNode.Parse(json, documentOptions: Strict) is JsonObject parsed && WellFormed(parsed) ? parsed : null; }
        catch (JsonException) { return null; }
        // System.Text.Json refuses to read an escaped lone surrogate (\ud800) as a string, in a value or a key.
        catch (InvalidOperationException) { return null; }
    }

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

    /// <summary>Reads every string once, so one that cannot be read (an escaped lone surrogate) is found here and not by a handler later.</summary>
    private static bool WellFormed(JsonNode? node) => node switch
    {
        JsonObject o => o.All(p => WellFormed(p.Value)),
        JsonArray a => a.All(WellFormed),
        JsonValue v => !v.TryGetValue<string>(out var text) || text is not null,
        _ => true,
    };

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
