using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Kpis;

/// <summary>The `/kpi` grammar: its help text, and the parse from words to a typed request against the catalog.</summary>
public static class KpiCommands
{
    public static readonly CommandArea Area = new("kpi", "the 12 governed KPIs: owners and definitions",
    [
        new("owners", "/kpi owners", "Every KPI with its owner and backup; a KPI nobody owns is flagged.", ReadOnly: true),
        new("show", "/kpi show <kpi>", "One KPI's definition, unit, target, thresholds, source, lineage and freshness SLA.", ReadOnly: true),
        new("import", "/kpi import <CSV on the following lines>", "Load observations: a header row (kpi,period,value,… as the API takes) and one row per observation."),
        new("propose", "/kpi propose <kpi> target:… green:… yellow:… definition:\"…\" impact:\"…\" validation:\"…\" migration:\"…\" effective:YYYY-MM-DD",
            "Propose a definition change (an RFC) for the Governance Council to approve; it takes effect on its date."),
    ]);

    private static readonly string[] RfcFields = ["impact", "validation", "migration", "effective"];

    public static bool IsReadOnly(string? verb) => verb is not ("import" or "propose");

    public static KpiRequest Parse(CommandLine line, KpiCatalog catalog) => line.Verb switch
    {
        "owners" => new ShowKpiOwners(),
        "show" => new ShowKpi(Find(string.Join(' ', line.Arguments), catalog)),
        "import" => new ImportObservations(line.Body is { Length: > 0 } csv ? csv
            : throw new RefusedException(RefusalKind.Invalid, "Put the CSV after `/kpi import`, header first, e.g.\n```/kpi import\nkpi,period,value,team\nuptime,2026-W47,99.95,payments```")),
        "propose" => Propose(line, catalog),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/kpi {line.Verb}` is not a KPI command.\n{Area.Help()}"),
    };

    private static ProposeKpiChange Propose(CommandLine line, KpiCatalog catalog)
    {
        var kpi = Find(line.Arguments.FirstOrDefault() ?? "", catalog);
        var unknown = line.Options.Keys.Where(k => !KpiAmendment.Fields.Contains(k) && !RfcFields.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"`{string.Join("`, `", unknown.Select(u => u + ":"))}` is not something a change can set. What may change: {string.Join(", ", KpiAmendment.Fields)}; the RFC needs {string.Join(", ", RfcFields)}.");
        var effective = line.Option("effective");
        if (!DateOnly.TryParseExact(effective, "yyyy-MM-dd", out var effectiveOn))
            throw new RefusedException(RefusalKind.Invalid, $"effective:{effective ?? "…"} must be the date the change takes effect, written yyyy-MM-dd.");
        var fields = line.Options.Where(o => KpiAmendment.Fields.Contains(o.Key)).ToDictionary(o => o.Key, o => o.Value);
        return new ProposeKpiChange(kpi, fields, line.Option("impact") ?? "", line.Option("validation") ?? "", line.Option("migration") ?? "", effectiveOn);
    }

    private static Kpi Find(string name, KpiCatalog catalog)
    {
        var ids = string.Join(", ", catalog.Kpis.Select(k => k.Id));
        if (name.Length == 0)
            throw new RefusedException(RefusalKind.Invalid, $"Which KPI? Name one by id, e.g. `/kpi show {catalog.Kpis[0].Id}`. The ids: {ids}.");
        return catalog.Find(name) ?? throw new RefusedException(RefusalKind.NotFound, $"There is no KPI called `{name}`. The ids: {ids}.");
    }
}
