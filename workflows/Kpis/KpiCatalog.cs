using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Kpis;

/// <summary>
/// The governed KPI catalog: one versioned file in the repo, read at start-up and refused whole if
/// anything in it is wrong, so the scoreboard never runs on a half-understood definition.
/// </summary>
public sealed partial class KpiCatalog
{
    private readonly Lock amending = new();
    private volatile IReadOnlyList<Kpi> kpis;

    private KpiCatalog(int version, DateOnly effective, IReadOnlyList<Kpi> kpis)
    {
        Version = version;
        Effective = effective;
        this.kpis = kpis;
    }

    public int Version { get; }
    public DateOnly Effective { get; }

    /// <summary>The definitions in force: the file's, with every approved change that has taken effect.</summary>
    public IReadOnlyList<Kpi> Kpis => kpis;

    /// <summary>Puts an approved definition change in force; readers see the old list or the new one, never half of it.</summary>
    public void Amend(Kpi amended)
    {
        lock (amending) kpis = kpis.Select(k => k.Id == amended.Id ? amended : k).ToList();
    }

    /// <summary>KPIs nobody owns: flagged on `/kpi owners`, and their alerts go to the CEO.</summary>
    public IReadOnlyList<Kpi> Unowned => Kpis.Where(k => k.Owner is null).ToList();

    /// <summary>By id (`ndr`) or by name, ignoring case (`Net Dollar Retention (NDR)`).</summary>
    public Kpi? Find(string idOrName) =>
        Kpis.FirstOrDefault(k => k.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase))
        ?? Kpis.FirstOrDefault(k => k.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));

    public static KpiCatalog Load(string path, PeopleDirectory people)
    {
        if (!File.Exists(path)) throw new KpiCatalogException(path, [$"there is no file at {path}; set Kpis:CatalogPath to the catalog's path"]);
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new KpiCatalogException(path, [$"it is not JSON: {e.Message}"]); }
        return Parse(path, root as JsonObject, people);
    }

    public static KpiCatalog Parse(string path, JsonObject? root, PeopleDirectory people)
    {
        var problems = new List<string>();
        if (root is null) throw new KpiCatalogException(path, ["it must be a JSON object with version, effective and kpis"]);
        var version = Number(root, "version", "the catalog", problems);
        if (version is { } v && (v != Math.Floor(v) || v < 1)) problems.Add("the catalog: version must be a whole number above 0");
        var effective = DateOnly.TryParseExact(Text(root, "effective"), "yyyy-MM-dd", out var date) ? date : default;
        if (effective == default) problems.Add("the catalog: effective must be a date written yyyy-MM-dd");

        var kpis = new List<Kpi>();
        if (root["kpis"] is not JsonArray entries || entries.Count == 0) problems.Add("the catalog: kpis must be a non-empty list");
        else
        {
            var ids = new HashSet<string>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is JsonObject entry && Text(entry, "id") is { } id && !ids.Add(id))
                    problems.Add($"kpis[{i}] ({id}): the id is used twice; ids must be unique");
                if (ParseKpi(entries[i] as JsonObject, $"kpis[{i}]", people, problems) is { } kpi) kpis.Add(kpi);
            }
        }
        if (problems.Count > 0) throw new KpiCatalogException(path, problems);
        return new KpiCatalog((int)version!.Value, effective, kpis);
    }

    private static Kpi? ParseKpi(JsonObject? entry, string where, PeopleDirectory people, List<string> problems)
    {
        if (entry is null)
        {
            problems.Add($"{where}: must be an object");
            return null;
        }
        var before = problems.Count;
        var id = Text(entry, "id") ?? "";
        if (!IdPattern().IsMatch(id)) problems.Add($"{where}: id must be lower-case letters, digits and dashes (like new-arr), not \"{id}\"");
        where = $"{where} ({id})";
        var name = Required(entry, "name", where, problems);
        var definition = Required(entry, "definition", where, problems);
        var source = Required(entry, "source", where, problems);
        var lineage = Required(entry, "lineage", where, problems);
        var unit = Choice<KpiUnit>(entry, "unit", where, problems);
        var direction = Choice<KpiDirection>(entry, "direction", where, problems);
        var classification = Choice<Classification>(entry, "classification", where, problems);
        var freshness = Number(entry, "freshnessHours", where, problems);
        if (freshness is <= 0) problems.Add($"{where}: freshnessHours must be above 0");
        var target = Number(entry, "target", where, problems);
        Thresholds? thresholds = null;
        if (entry["thresholds"] is not JsonObject t) problems.Add($"{where}: thresholds must be an object with green and yellow");
        else if ((Number(t, "green", $"{where} thresholds", problems), Number(t, "yellow", $"{where} thresholds", problems)) is ({ } g, { } y))
            thresholds = new Thresholds(g, y);
        if (thresholds is not null && direction is { } d && !thresholds.AreOrderedFor(d))
            problems.Add($"{where}: with direction {d.ToString().ToLowerInvariant()}, yellow ({thresholds.Yellow}) must lie on the bad side of green ({thresholds.Green})");
        var owner = Person(entry, "owner", where, people, problems);
        var backup = Person(entry, "backup", where, people, problems);
        if (owner is not null && owner == backup) problems.Add($"{where}: the backup owner must be someone other than the owner");
        var additive = entry["additive"] switch
        {
            null => false,
            JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False => flag.GetValue<bool>(),
            _ => Fault(problems, $"{where}: additive must be true or false"),
        };
        if (problems.Count > before) return null;
        return new Kpi(id, name!, definition!, unit!.Value, direction!.Value, owner, Text(entry, "ownerTitle"), backup, source!, lineage!,
            classification!.Value, (int)freshness!.Value, target!.Value, thresholds!, additive);
    }

    private static bool Fault(List<string> problems, string problem)
    {
        problems.Add(problem);
        return false;
    }

    private static string? Person(JsonObject entry, string field, string where, PeopleDirectory people, List<string> problems)
    {
        var handle = Text(entry, field);
        if (string.IsNullOrWhiteSpace(handle)) return null;
        var person = people.Find(handle);
        if (person is null) problems.Add($"{where}: {field} \"{handle}\" is not in the people directory");
        return person?.Id;
    }

    private static string? Required(JsonObject entry, string field, string where, List<string> problems)
    {
        var text = Text(entry, field);
        if (string.IsNullOrWhiteSpace(text)) problems.Add($"{where}: {field} is required");
        return text;
    }

    private static T? Choice<T>(JsonObject entry, string field, string where, List<string> problems) where T : struct, Enum
    {
        var text = Text(entry, field);
        if (text is not null && Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)) return value;
        problems.Add($"{where}: {field} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, not {(text is null ? "missing" : $"\"{text}\"")}");
        return null;
    }

    private static decimal? Number(JsonObject entry, string field, string where, List<string> problems)
    {
        // Read from the number's text: a value built in code (not parsed) will not convert between numeric types.
        if (entry[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
        problems.Add($"{where}: {field} must be a number");
        return null;
    }

    private static string? Text(JsonObject entry, string field) =>
        entry[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
