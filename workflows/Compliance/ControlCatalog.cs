using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Catalogs;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// The control catalog (seed §7): one versioned file in the repo, read at start-up and refused whole
/// if anything in it is wrong, as the KPI catalog is, so no control runs on a half-understood definition.
/// </summary>
public sealed partial class ControlCatalog
{
    private ControlCatalog(int version, DateOnly effective, IReadOnlyList<ControlDefinition> controls)
    {
        Version = version;
        Effective = effective;
        Controls = controls;
    }

    public int Version { get; }

    /// <summary>When the catalog took effect: a control with no evidence yet is due one cadence after it.</summary>
    public DateOnly Effective { get; }

    public IReadOnlyList<ControlDefinition> Controls { get; }

    public ControlDefinition? Find(string id) => Controls.FirstOrDefault(c => c.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

    public ControlDefinition Require(string id) => Find(id)
        ?? throw new RefusedException(RefusalKind.NotFound, $"There is no control `{id}` in the catalog; `/compliance status` lists them ({Controls[0].Id} – {Controls[^1].Id}).", id);

    public static ControlCatalog Load(string path, PeopleDirectory people) =>
        Parse(path, CatalogFields.Read(path, "Compliance:CatalogPath", problems => new ControlCatalogException(path, problems)), people);

    public static ControlCatalog Parse(string path, JsonObject? root, PeopleDirectory people)
    {
        if (root is null) throw new ControlCatalogException(path, ["it must be a JSON object with version, effective and controls"]);
        var fields = new CatalogFields(people);
        var (version, effective) = fields.Header(root);
        var controls = new List<ControlDefinition>();
        if (root["controls"] is not JsonArray entries || entries.Count == 0) fields.Problems.Add("the catalog: controls must be a non-empty list");
        else
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is JsonObject entry && CatalogFields.Text(entry, "id") is { } id && !ids.Add(id))
                    fields.Problems.Add($"controls[{i}] ({id}): the id is used twice; ids must be unique");
                if (ParseControl(entries[i] as JsonObject, $"controls[{i}]", fields, people) is { } control) controls.Add(control);
            }
        }
        if (fields.Problems.Count > 0) throw new ControlCatalogException(path, fields.Problems);
        return new ControlCatalog(version, effective, controls);
    }

    private static ControlDefinition? ParseControl(JsonObject? entry, string where, CatalogFields fields, PeopleDirectory people)
    {
        if (entry is null)
        {
            fields.Problems.Add($"{where}: must be an object");
            return null;
        }
        var before = fields.Problems.Count;
        var id = CatalogFields.Text(entry, "id") ?? "";
        if (!IdPattern().IsMatch(id)) fields.Problems.Add($"{where}: id must be CTRL- and a number (like CTRL-4), not \"{id}\"");
        where = $"{where} ({id})";
        var title = fields.Required(entry, "title", where);
        var owner = fields.Person(entry, "owner", where);
        var backup = fields.Person(entry, "backup", where);
        if (CatalogFields.Text(entry, "owner") is null) fields.Problems.Add($"{where}: owner is required");
        if (CatalogFields.Text(entry, "backup") is null) fields.Problems.Add($"{where}: backup is required");
        if (owner is not null && owner == backup) fields.Problems.Add($"{where}: the backup must be someone other than the owner");
        if (owner is not null && people.Find(owner) is { } person && !person.Has(Roles.Director) && !person.Has(Roles.Exec))
            fields.Problems.Add($"{where}: owner \"{owner}\" must be a director or an exec (roles director or exec in the People section)");
        var frameworks = fields.Texts(entry, "frameworks", where);
        var classification = fields.Choice<Classification>(entry, "classification", where);
        var evidence = new List<EvidenceRequirement>();
        if (entry["evidence"] is not JsonArray needs || needs.Count == 0) fields.Problems.Add($"{where}: evidence must be a non-empty list of {{kind, every}}");
        else
            for (var i = 0; i < needs.Count; i++)
                if (Requirement(needs[i] as JsonObject, $"{where} evidence[{i}]", fields) is { } need)
                {
                    if (evidence.Any(e => e.Kind == need.Kind)) fields.Problems.Add($"{where} evidence[{i}]: the kind {need.Kind} is named twice");
                    evidence.Add(need);
                }
        if (fields.Problems.Count > before) return null;
        return new ControlDefinition(id.ToUpperInvariant(), title!, owner!, backup!, frameworks, evidence, classification!.Value);
    }

    private static EvidenceRequirement? Requirement(JsonObject? entry, string where, CatalogFields fields)
    {
        if (entry is null)
        {
            fields.Problems.Add($"{where}: must be an object with kind and every");
            return null;
        }
        var kind = CatalogFields.Text(entry, "kind") ?? "";
        if (!KindPattern().IsMatch(kind)) fields.Problems.Add($"{where}: kind must be lower-case words joined by dashes (like access-review), not \"{kind}\"");
        var every = fields.Choice<Cadence>(entry, "every", where);
        var collect = entry["collect"] is null ? EvidenceSource.Manual : fields.Choice<EvidenceSource>(entry, "collect", where);
        return every is { } e && collect is { } c && KindPattern().IsMatch(kind) ? new EvidenceRequirement(kind, e, c) : null;
    }

    [GeneratedRegex("^CTRL-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KindPattern();
}

/// <summary>The control catalog file is unusable; <see cref="CatalogException.Problems"/> names every fault, with where it is.</summary>
public sealed class ControlCatalogException(string path, IReadOnlyList<string> problems) : CatalogException("control catalog", path, problems);
