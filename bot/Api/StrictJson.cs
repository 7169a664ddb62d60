using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace ExecOps.Bot.Api;

/// <summary>
/// The one JSON reader at the edge: a body is read whole and refused with the reason when it is not
/// UTF-8, not JSON, repeats a key in an object, or holds a string that cannot be read (an escaped lone
/// surrogate). What passes can be read by any handler later without throwing.
/// </summary>
public static class StrictJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public sealed record Reading(JsonNode? Node, string? Problem);

    public static Reading Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    public static Reading Parse(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8)) return new(null, "The body is not valid UTF-8; send it encoded as UTF-8.");
        try
        {
            var node = JsonNode.Parse(utf8, documentOptions: Strict);
            if (node is null) return new(null, "The body is JSON null; send a JSON object.");
            ReadEveryString(node);
            return new(node, null);
        }
        catch (JsonException e) when (e.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return new(null, $"The body names a key twice in one object ({Quoted(e.Message)}); send each key once.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            return new(null, $"The body is not valid JSON{where}: {e.Message.Split(" LineNumber:")[0].Split(" Path:")[0]}");
        }
        // System.Text.Json will not read an escaped lone surrogate (\ud800) as a string, in a value or a key.
        catch (InvalidOperationException)
        {
            return new(null, "The body holds a string with a lone UTF-16 surrogate escape (such as \\ud800); send every string whole.");
        }
    }

    /// <summary>The JSON object in <paramref name="text"/>; null when there is none or it is refused.</summary>
    public static JsonObject? Object(string text) => Parse(text).Node as JsonObject;

    /// <summary>Nested strings are decoded lazily, so one that cannot be is found here and not by a handler later.</summary>
    private static void ReadEveryString(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, value) in o) ReadEveryString(value); break;
            case JsonArray a: foreach (var item in a) ReadEveryString(item); break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String: v.GetValue<string>(); break;
        }
    }

    private static string Quoted(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? $"`{message[(start + 1)..end]}`" : "a key";
    }
}
