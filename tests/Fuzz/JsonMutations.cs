using System.Text;
using System.Text.Json.Nodes;

namespace ExecOps.Tests.Fuzz;

/// <summary>A body, broken one way, named for the failure message.</summary>
public sealed record Mutation(string Name, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// Bad variants of a good JSON body: the kinds that have reached our parsers and broken them
/// (duplicate keys, lone surrogates, invalid UTF-8, wrong types at any depth), generated from the
/// sample so that every field of every recorded payload is tried.
/// </summary>
public static class JsonMutations
{
    private const string Mark = "FUZZMARK";

    /// <summary>The body as a whole broken, and each field of it retyped.</summary>
    public static IEnumerable<Mutation> Of(JsonObject sample) => Broken(sample).Concat(Retyped(sample));

    public static IEnumerable<Mutation> Broken(JsonObject sample)
    {
        var text = sample.ToJsonString();
        var firstKey = sample.First().Key;
        yield return new("empty body", []);
        yield return new("cut short", Encoding.UTF8.GetBytes(text[..(text.Length / 2)]));
        yield return new("an array", "[]"u8.ToArray());
        yield return new("null", "null"u8.ToArray());
        yield return new("a string", "\"x\""u8.ToArray());
        yield return new("a number", "1e999"u8.ToArray());
        yield return new("nested 300 deep", Encoding.UTF8.GetBytes(new string('[', 300) + new string(']', 300)));
        yield return new("trailing garbage", Encoding.UTF8.GetBytes(text + "}"));
        yield return new($"`{firstKey}` twice", Encoding.UTF8.GetBytes("{" + $"\"{firstKey}\":{sample[firstKey]?.ToJsonString() ?? "null"}," + text[1..]));
        yield return new("a key twice, nested", Encoding.UTF8.GetBytes("{\"" + Mark + "\":{\"a\":1,\"a\":2}," + text[1..]));
        yield return new("lone high surrogate in a value", Marked(sample, "\\ud800"));
        yield return new("lone low surrogate in a value", Marked(sample, "x\\udc00y"));
        yield return new("lone surrogate in a key", Encoding.UTF8.GetBytes("{\"\\ud800\":1," + text[1..]));
        yield return new("invalid UTF-8 in a value", MarkedBytes(sample, [0xFF, 0xFE]));
        yield return new("overlong UTF-8 in a value", MarkedBytes(sample, [0xC0, 0xAF]));
        yield return new("UTF-8 cut mid-character", MarkedBytes(sample, [0xE2, 0x82]));
        yield return new("a NUL in a value", Marked(sample, "a\\u0000b"));
    }

    /// <summary>Every field, at every depth (the first item standing for an array's), replaced by each kind of JSON value it is not.</summary>
    public static IEnumerable<Mutation> Retyped(JsonObject sample)
    {
        foreach (var path in Paths(sample, []))
            foreach (var (kind, value) in Kinds())
            {
                var copy = (JsonObject)sample.DeepClone();
                var (parent, step) = Walk(copy, path);
                var old = parent switch { JsonObject o => o[(string)step], JsonArray a => a[(int)step], _ => null };
                if (old?.GetValueKind() == value?.GetValueKind()) continue;
                Set(parent!, step, value?.DeepClone());
                yield return new($"{Describe(path)} as {kind}", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            }
    }

    private static IEnumerable<(string, JsonNode?)> Kinds() =>
    [
        ("a string", JsonValue.Create("x")), ("a number", JsonValue.Create(5)), ("a huge number", JsonNode.Parse("1e308")),
        ("a boolean", JsonValue.Create(true)), ("null", null), ("an array", new JsonArray("x")), ("an object", new JsonObject { ["x"] = 1 }),
    ];

    private static IEnumerable<object[]> Paths(JsonNode? node, object[] at)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    object[] here = [.. at, key];
                    yield return here;
                    foreach (var deeper in Paths(child, here)) yield return deeper;
                }
                break;
            case JsonArray { Count: > 0 } a:
                object[] first = [.. at, 0];
                yield return first;
                foreach (var deeper in Paths(a[0], first)) yield return deeper;
                break;
        }
    }

    private static (JsonNode? Parent, object Step) Walk(JsonNode root, object[] path)
    {
        JsonNode? node = root;
        foreach (var step in path[..^1]) node = step is string key ? node![key] : node![(int)step];
        return (node, path[^1]);
    }

    private static void Set(JsonNode parent, object step, JsonNode? value)
    {
        if (parent is JsonObject o) o[(string)step] = value;
        else ((JsonArray)parent)[(int)step] = value;
    }

    private static string Describe(object[] path) => "`" + string.Concat(path.Select((s, i) => s is int n ? $"[{n}]" : (i == 0 ? "" : ".") + s)) + "`";

    /// <summary>The sample with its first string value replaced by <paramref name="escaped"/>, written as JSON escapes.</summary>
    private static byte[] Marked(JsonObject sample, string escaped) => Encoding.UTF8.GetBytes(WithMark(sample).Replace(Mark, escaped));

    private static byte[] MarkedBytes(JsonObject sample, byte[] raw)
    {
        var parts = WithMark(sample).Split(Mark);
        return [.. Encoding.UTF8.GetBytes(parts[0]), .. raw, .. Encoding.UTF8.GetBytes(string.Join(Mark, parts[1..]))];
    }

    private static string WithMark(JsonObject sample)
    {
        var copy = (JsonObject)sample.DeepClone();
        var path = Paths(copy, []).FirstOrDefault(p => Walk(copy, p) is var (parent, step) && (parent is JsonObject o ? o[(string)step] : ((JsonArray)parent!)[(int)step]) is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String);
        if (path is null) copy[Mark + "key"] = Mark;
        else { var (parent, step) = Walk(copy, path); Set(parent!, step, JsonValue.Create(Mark)); }
        return copy.ToJsonString();
    }
}
