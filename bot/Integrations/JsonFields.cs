using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecOps.Bot.Integrations;

/// <summary>
/// Reads the fields a delivery needs and nothing else: providers add fields and older deliveries lack some, so a
/// delivery is refused only when what the bot uses is missing, never for failing a schema.
/// </summary>
public static class JsonFields
{
    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var name in path) node = node is JsonObject o ? o[name] : null;
        return node;
    }

    public static string? Text(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;

    public static DateTimeOffset? Time(this JsonNode? node, params string[] path) =>
        DateTimeOffset.TryParse(node.Text(path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
