using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Catalogs;

/// <summary>
/// Reads the fields of a versioned catalog file (KPIs, controls), adding every fault to one list with
/// where it is, so a catalog is refused whole with all its problems named rather than one at a time.
/// </summary>
public sealed class CatalogFields(PeopleDirectory people)
{
    public List<string> Problems { get; } = [];

    public static JsonObject? Read(string path, string setting, Func<IReadOnlyList<string>, Exception> refuse)
    {
        if (!File.Exists(path)) throw refuse([$"there is no file at {path}; set {setting} to the catalog's path"]);
        try { return JsonNode.Parse(File.ReadAllText(path)) as JsonObject; }
        catch (JsonException e) { throw refuse([$"it is not JSON: {e.Message}"]); }
    }

    /// <summary>The catalog's version (a whole number above 0) and the date it takes effect.</summary>
    public (int Version, DateOnly Effective) Header(JsonObject root)
    {
        var version = Number(root, "version", "the catalog");
        if (version is { } v && (v != Math.Floor(v) || v < 1)) Problems.Add("the catalog: version must be a whole number above 0");
        var effective = Date(root, "effective", "the catalog") ?? default;
        return ((int)(version ?? 0), effective);
    }

    public bool Fault(string problem)
    {
        Problems.Add(problem);
        return false;
    }

    public string? Person(JsonObject entry, string field, string where)
    {
        var handle = Text(entry, field);
        if (string.IsNullOrWhiteSpace(handle)) return null;
        var person = people.Find(handle);
        if (person is null) Problems.Add($"{where}: {field} \"{handle}\" is not in the people directory");
        return person?.Id;
    }

    public string? Required(JsonObject entry, string field, string where)
    {
        var text = Text(entry, field);
        if (string.IsNullOrWhiteSpace(text)) Problems.Add($"{where}: {field} is required");
        return text;
    }

    public T? Choice<T>(JsonObject entry, string field, string where) where T : struct, Enum
    {
        var text = Text(entry, field);
        if (text is not null && Enum.TryParse<T>(text.Replace("-", ""), ignoreCase: true, out var value) && !int.TryParse(text, out _)) return value;
        Problems.Add($"{where}: {field} must be one of {string.Join(", ", Enum.GetNames<T>().Select(Words))}, not {(text is null ? "missing" : $"\"{text}\"")}");
        return null;
    }

    public decimal? Number(JsonObject entry, string field, string where)
    {
        // Read from the number's text: a value built in code (not parsed) will not convert between numeric types.
        if (entry[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
        Problems.Add($"{where}: {field} must be a number");
        return null;
    }

    public DateOnly? Date(JsonObject entry, string field, string where)
    {
        if (DateOnly.TryParseExact(Text(entry, field), "yyyy-MM-dd", out var date)) return date;
        Problems.Add($"{where}: {field} must be a date written yyyy-MM-dd");
        return null;
    }

    /// <summary>True or false; absent is false.</summary>
    public bool Flag(JsonObject entry, string field, string where) => entry[field] switch
    {
        null => false,
        JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False => flag.GetValue<bool>(),
        _ => Fault($"{where}: {field} must be true or false"),
    };

    /// <summary>A non-empty list of non-empty strings.</summary>
    public IReadOnlyList<string> Texts(JsonObject entry, string field, string where)
    {
        var texts = (entry[field] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue(out string? t) ? t.Trim() : "").ToList();
        if (texts is null || texts.Count == 0 || texts.Any(t => t.Length == 0))
        {
            Problems.Add($"{where}: {field} must be a non-empty list of names, e.g. [\"SOC 2 CC8.1\"]");
            return [];
        }
        return texts;
    }

    public static string? Text(JsonObject entry, string field) =>
        entry[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>An enum value as the catalog spells it: `ChangeApprovals` is change-approvals.</summary>
    public static string Words(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static string Words<T>(T value) where T : struct, Enum => Words(value.ToString());
}
