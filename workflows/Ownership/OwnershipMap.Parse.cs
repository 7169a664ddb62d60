using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Catalogs;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Ownership;

public sealed partial class OwnershipMap
{
    public const int LowestTier = 3;

    public static OwnershipMap Load(string path, PeopleDirectory people) =>
        Parse(path, CatalogFields.Read(path, "Ownership:MapPath", problems => new OwnershipMapException(path, problems)), people);

    public static OwnershipMap Parse(string path, JsonObject? root, PeopleDirectory people)
    {
        if (root is null) throw new OwnershipMapException(path, ["it must be a JSON object with version, effective, teams and entries"]);
        var fields = new CatalogFields(people);
        var (version, effective) = fields.Header(root);
        var teams = List(root, "teams", fields, (team, where) => ParseTeam(team, where, fields));
        var entries = List(root, "entries", fields, (entry, where) => ParseEntry(entry, where, fields, teams));
        var ids = entries.Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
            foreach (var dependency in entry.DependsOn.Where(d => !ids.Contains(d) || d.Equals(entry.Id, StringComparison.OrdinalIgnoreCase)))
                fields.Problems.Add(dependency.Equals(entry.Id, StringComparison.OrdinalIgnoreCase)
                    ? $"entries ({entry.Id}): it cannot depend on itself"
                    : $"entries ({entry.Id}): dependsOn names \"{dependency}\", which is not an entry of the map");
        if (fields.Problems.Count > 0) throw new OwnershipMapException(path, fields.Problems);
        return new OwnershipMap(version, effective, teams, entries, people);
    }

    private static List<T> List<T>(JsonObject root, string field, CatalogFields fields, Func<JsonObject, string, T?> parse) where T : class
    {
        var parsed = new List<T>();
        if (root[field] is not JsonArray items || items.Count == 0)
        {
            fields.Problems.Add($"the map: {field} must be a non-empty list");
            return parsed;
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"{field}[{i}]";
            if (items[i] is not JsonObject item)
            {
                fields.Problems.Add($"{where}: must be an object");
                continue;
            }
            var id = CatalogFields.Text(item, "id") ?? "";
            if (!IdPattern().IsMatch(id)) fields.Problems.Add($"{where}: id must be lower-case letters, digits and dashes (like payments-core), not \"{id}\"");
            else if (!ids.Add(id)) fields.Problems.Add($"{where} ({id}): the id is used twice; ids must be unique");
            if (parse(item, $"{where} ({id})") is { } value) parsed.Add(value);
        }
        return parsed;
    }

    private static Team ParseTeam(JsonObject team, string where, CatalogFields fields)
    {
        var name = fields.Required(team, "name", where);
        var channel = fields.Required(team, "channel", where);
        int? hours = null;
        if (team["responseHours"] is not null && fields.Number(team, "responseHours", where) is { } h)
        {
            if (h == Math.Floor(h) && h is >= 1 and <= 720) hours = (int)h;
            else fields.Problems.Add($"{where}: responseHours must be a whole number of hours from 1 to 720");
        }
        // Kept even when faulty, so the entries that name it are not faulted twice for one mistake.
        return new Team(CatalogFields.Text(team, "id") ?? "", name ?? "", Handle(team, "lead"), Handle(team, "exec"), channel?.TrimStart('#') ?? "", hours);
    }

    private static OwnedEntry? ParseEntry(JsonObject entry, string where, CatalogFields fields, IReadOnlyList<Team> teams)
    {
        var before = fields.Problems.Count;
        var id = CatalogFields.Text(entry, "id") ?? "";
        var kind = fields.Choice<OwnedKind>(entry, "kind", where);
        var team = fields.Required(entry, "team", where);
        if (team is { Length: > 0 } && !teams.Any(t => t.Id.Equals(team, StringComparison.OrdinalIgnoreCase)))
            fields.Problems.Add($"{where}: team \"{team}\" is not one of the map's teams ({string.Join(", ", teams.Select(t => t.Id))})");
        var tier = fields.Number(entry, "tier", where);
        if (tier is { } t && (t != Math.Floor(t) || t < 0 || t > LowestTier)) fields.Problems.Add($"{where}: tier must be a whole number from 0 to {LowestTier}");
        var dependsOn = entry["dependsOn"] switch
        {
            null => [],
            JsonArray list when list.All(n => n is JsonValue v && v.TryGetValue(out string? _)) => list.Select(n => n!.GetValue<string>().Trim()).ToList(),
            _ => Fault(fields, $"{where}: dependsOn must be a list of the ids of entries it depends on"),
        };
        var (rto, rpo) = (Span(entry, "rto", where, fields), Span(entry, "rpo", where, fields));
        if (fields.Problems.Count > before) return null;
        return new OwnedEntry(id, kind!.Value, CatalogFields.Text(entry, "name") is { Length: > 0 } name ? name : id, team!.ToLowerInvariant(),
            Handle(entry, "owner"), Handle(entry, "onCall"), Handle(entry, "approver"), (int)tier!.Value, CatalogFields.Text(entry, "channel")?.TrimStart('#'), dependsOn, rto, rpo);
    }

    /// <summary>An optional duration written hh:mm:ss, like "01:00:00".</summary>
    private static TimeSpan? Span(JsonObject entry, string field, string where, CatalogFields fields)
    {
        if (entry[field] is null) return null;
        if (TimeSpan.TryParseExact(CatalogFields.Text(entry, field), @"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        fields.Problems.Add($"{where}: {field} must be a duration above zero written hh:mm:ss, like \"01:00:00\"");
        return null;
    }

    private static List<string> Fault(CatalogFields fields, string problem)
    {
        fields.Problems.Add(problem);
        return [];
    }

    /// <summary>A person as the map names them, without the @; whether they are in the directory is asked when it matters.</summary>
    private static string? Handle(JsonObject item, string field) =>
        CatalogFields.Text(item, field)?.Trim().TrimStart('@') is { Length: > 0 } handle ? handle : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
