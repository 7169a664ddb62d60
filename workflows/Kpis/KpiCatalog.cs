using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Catalogs;
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

    public static KpiCatalog Load(string path, PeopleDirectory people) =>
        Parse(path, CatalogFields.Read(path, "Kpis:CatalogPath", problems => new KpiCatalogException(path, problems)), people);

    public static KpiCatalog Parse(string path, JsonObject? root, PeopleDirectory people)
    {
        if (root is null) throw new KpiCatalogException(path, ["it must be a JSON object with version, effective and kpis"]);
        var fields = new CatalogFields(people);
        var (version, effective) = fields.Header(root);
        var kpis = new List<Kpi>();
        if (root["kpis"] is not JsonArray entries || entries.Count == 0) fields.Problems.Add("the catalog: kpis must be a non-empty list");
        else
        {
            var ids = new HashSet<string>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is JsonObject entry && CatalogFields.Text(entry, "id") is { } id && !ids.Add(id))
                    fields.Problems.Add($"kpis[{i}] ({id}): the id is used twice; ids must be unique");
                if (ParseKpi(entries[i] as JsonObject, $"kpis[{i}]", fields) is { } kpi) kpis.Add(kpi);
            }
        }
        if (fields.Problems.Count > 0) throw new KpiCatalogException(path, fields.Problems);
        return new KpiCatalog(version, effective, kpis);
    }

    private static Kpi? ParseKpi(JsonObject? entry, string where, CatalogFields fields)
    {
        if (entry is null)
        {
            fields.Problems.Add($"{where}: must be an object");
            return null;
        }
        var before = fields.Problems.Count;
        var id = CatalogFields.Text(entry, "id") ?? "";
        if (!IdPattern().IsMatch(id)) fields.Problems.Add($"{where}: id must be lower-case letters, digits and dashes (like new-arr), not \"{id}\"");
        where = $"{where} ({id})";
        var name = fields.Required(entry, "name", where);
        var definition = fields.Required(entry, "definition", where);
        var source = fields.Required(entry, "source", where);
        var lineage = fields.Required(entry, "lineage", where);
        var unit = fields.Choice<KpiUnit>(entry, "unit", where);
        var direction = fields.Choice<KpiDirection>(entry, "direction", where);
        var classification = fields.Choice<Classification>(entry, "classification", where);
        var freshness = fields.Number(entry, "freshnessHours", where);
        if (freshness is <= 0) fields.Problems.Add($"{where}: freshnessHours must be above 0");
        var target = fields.Number(entry, "target", where);
        Thresholds? thresholds = null;
        if (entry["thresholds"] is not JsonObject t) fields.Problems.Add($"{where}: thresholds must be an object with green and yellow");
        else if ((fields.Number(t, "green", $"{where} thresholds"), fields.Number(t, "yellow", $"{where} thresholds")) is ({ } g, { } y))
            thresholds = new Thresholds(g, y);
        if (thresholds is not null && direction is { } d && !thresholds.AreOrderedFor(d))
            fields.Problems.Add($"{where}: with direction {d.ToString().ToLowerInvariant()}, yellow ({thresholds.Yellow}) must lie on the bad side of green ({thresholds.Green})");
        var owner = fields.Person(entry, "owner", where);
        var backup = fields.Person(entry, "backup", where);
        if (owner is not null && owner == backup) fields.Problems.Add($"{where}: the backup owner must be someone other than the owner");
        var additive = fields.Flag(entry, "additive", where);
        if (fields.Problems.Count > before) return null;
        return new Kpi(id, name!, definition!, unit!.Value, direction!.Value, owner, CatalogFields.Text(entry, "ownerTitle"), backup, source!, lineage!,
            classification!.Value, (int)freshness!.Value, target!.Value, thresholds!, additive);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
