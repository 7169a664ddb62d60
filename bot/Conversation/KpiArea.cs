using ExecOps.Cards;
using ExecOps.Cards.Kpis;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Bot.Api;

namespace ExecOps.Bot.Conversation;

/// <summary>`/kpi`: the governed catalog, its owners and its definitions.</summary>
public sealed class KpiArea(KpiCatalog catalog, PeopleDirectory people, KpiSettings settings, MetricsIntake intake, KpiChanges changes) : IChatArea
{
    public CommandArea Area { get; } = new("kpi", "the 12 governed KPIs: owners and definitions",
    [
        new("owners", "/kpi owners", "Every KPI with its owner and backup; a KPI nobody owns is flagged.", ReadOnly: true),
        new("show", "/kpi show <kpi>", "One KPI's definition, unit, target, thresholds, source, lineage and freshness SLA.", ReadOnly: true),
        new("import", "/kpi import <CSV on the following lines>", "Load observations: a header row (kpi,period,value,… as the API takes) and one row per observation."),
        new("propose", "/kpi propose <kpi> target:… green:… yellow:… definition:\"…\" impact:\"…\" validation:\"…\" migration:\"…\" effective:YYYY-MM-DD",
            "Propose a definition change (an RFC) for the Governance Council to approve; it takes effect on its date."),
    ]);

    private static readonly string[] RfcFields = ["impact", "validation", "migration", "effective"];

    public bool IsReadOnly(CommandLine line) => line.Verb is not ("import" or "propose");

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        if (line.Verb == "import") return [Reply.Private(await ImportAsync(actor, line))];
        if (line.Verb == "propose") return [Reply.Private(await ProposeAsync(actor, line))];
        var card = line.Verb switch
        {
            "owners" => KpiOwnersCard.Build(catalog, people, settings.EscalationOwner),
            "show" => await ShowAsync(Find(line)),
            _ => throw new RefusedException(RefusalKind.Invalid, $"`/kpi {line.Verb}` is not a KPI command.\n{Area.Help()}"),
        };
        return [Reply.Private(card)];
    }

    private async Task<Card> ShowAsync(Kpi kpi) => KpiCard.Build(kpi, catalog, people, await changes.HistoryAsync(kpi.Id));

    private async Task<Card> ProposeAsync(Actor actor, CommandLine line)
    {
        var kpi = Find(line);
        var unknown = line.Options.Keys.Where(k => !KpiAmendment.Fields.Contains(k) && !RfcFields.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"`{string.Join("`, `", unknown.Select(u => u + ":"))}` is not something a change can set. What may change: {string.Join(", ", KpiAmendment.Fields)}; the RFC needs {string.Join(", ", RfcFields)}.");
        var effective = line.Option("effective");
        if (!DateOnly.TryParseExact(effective, "yyyy-MM-dd", out var effectiveOn))
            throw new RefusedException(RefusalKind.Invalid, $"effective:{effective ?? "…"} must be the date the change takes effect, written yyyy-MM-dd.");
        var fields = line.Options.Where(o => KpiAmendment.Fields.Contains(o.Key)).ToDictionary(o => o.Key, o => o.Value);
        var change = await changes.ProposeAsync(actor, kpi, fields, line.Option("impact") ?? "", line.Option("validation") ?? "", line.Option("migration") ?? "", effectiveOn);
        return KpiChangeCard.Build(change, kpi, people);
    }

    private async Task<string> ImportAsync(Actor actor, CommandLine line)
    {
        if (!actor.Has(Roles.KpiOwner) && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"Loading KPI data is for KPI owners and admins; you ({actor.Name}) are neither.");
        var csv = line.Body ?? "";
        if (csv.Length == 0)
            throw new RefusedException(RefusalKind.Invalid, "Put the CSV after `/kpi import`, header first, e.g.\n```/kpi import\nkpi,period,value,team\nuptime,2026-W47,99.95,payments```");
        var outcome = await intake.IngestAsync(ObservationCsv.Parse(csv));
        return outcome.Receipt is { } r
            ? $"Imported: {r.Stored} new, {r.Revised} restated, {r.Unchanged} already there."
            : $"Nothing was imported: {outcome.Rejected.Count} row(s) could not be used.\n" + string.Join("\n", outcome.Rejected.Select(x => $"• row {x.Index + 1}: {x.Reason}"));
    }

    private Kpi Find(CommandLine line)
    {
        var name = line.Verb == "propose" ? line.Arguments.FirstOrDefault() ?? "" : string.Join(' ', line.Arguments);
        if (name.Length == 0)
            throw new RefusedException(RefusalKind.Invalid, $"Which KPI? Name one by id, e.g. `/kpi show {catalog.Kpis[0].Id}`. The ids: {Ids()}.");
        return catalog.Find(name) ?? throw new RefusedException(RefusalKind.NotFound, $"There is no KPI called `{name}`. The ids: {Ids()}.");
    }

    private string Ids() => string.Join(", ", catalog.Kpis.Select(k => k.Id));

    public bool Handles(string actionId) => actionId is KpiChangeCard.Approve or KpiChangeCard.Reject or KpiChangeCard.Refresh;

    public async Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data)
    {
        var id = data.GetValueOrDefault(KpiChangeCard.Change)
            ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no change id; ask for a fresh card with `/kpi show <kpi>`.");
        if (actionId == KpiChangeCard.Refresh) return [Reply.Private(await ChangeCardAsync(id))];
        long? seen = long.TryParse(data.GetValueOrDefault(KpiChangeCard.Version), out var version) ? version : null;
        var change = await changes.DecideAsync(actor, id, actionId == KpiChangeCard.Approve, data.GetValueOrDefault(KpiChangeCard.Reason), seen);
        return [Reply.ToChannel(KpiChangeCard.Build(change, catalog, people))];
    }

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(KpiChangeCard.Change) is { } id ? await ChangeCardAsync(id) : null;

    private async Task<Card> ChangeCardAsync(string id) => KpiChangeCard.Build(await changes.GetAsync(id), catalog, people);
}
