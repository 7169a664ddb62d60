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
public sealed class KpiArea(KpiCatalog catalog, PeopleDirectory people, KpiSettings settings, MetricsIntake intake) : IChatArea
{
    public CommandArea Area { get; } = new("kpi", "the 12 governed KPIs: owners and definitions",
    [
        new("owners", "/kpi owners", "Every KPI with its owner and backup; a KPI nobody owns is flagged.", ReadOnly: true),
        new("show", "/kpi show <kpi>", "One KPI's definition, unit, target, thresholds, source, lineage and freshness SLA.", ReadOnly: true),
        new("import", "/kpi import <CSV on the following lines>", "Load observations: a header row (kpi,period,value,… as the API takes) and one row per observation."),
    ]);

    public bool IsReadOnly(CommandLine line) => line.Verb != "import";

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        if (line.Verb == "import") return [Reply.Private(await ImportAsync(actor, line))];
        var card = line.Verb switch
        {
            "owners" => KpiOwnersCard.Build(catalog, people, settings.EscalationOwner),
            "show" => KpiCard.Build(Find(line), catalog, people),
            _ => throw new RefusedException(RefusalKind.Invalid, $"`/kpi {line.Verb}` is not a KPI command.\n{Area.Help()}"),
        };
        return [Reply.Private(card)];
    }

    private async Task<string> ImportAsync(Actor actor, CommandLine line)
    {
        if (!actor.Has(Roles.KpiOwner) && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"Loading KPI data is for KPI owners and admins; you ({actor.Name}) are neither.");
        var at = line.Text.IndexOf("import", StringComparison.OrdinalIgnoreCase);
        var csv = line.Text[(at + "import".Length)..].Trim();
        if (csv.Length == 0)
            throw new RefusedException(RefusalKind.Invalid, "Put the CSV after `/kpi import`, header first, e.g.\n```/kpi import\nkpi,period,value,team\nuptime,2026-W47,99.95,payments```");
        var outcome = await intake.IngestAsync(ObservationCsv.Parse(csv));
        return outcome.Receipt is { } r
            ? $"Imported: {r.Stored} new, {r.Revised} restated, {r.Unchanged} already there."
            : $"Nothing was imported: {outcome.Rejected.Count} row(s) could not be used.\n" + string.Join("\n", outcome.Rejected.Select(x => $"• row {x.Index + 1}: {x.Reason}"));
    }

    private Kpi Find(CommandLine line)
    {
        var name = string.Join(' ', line.Arguments);
        if (name.Length == 0)
            throw new RefusedException(RefusalKind.Invalid, $"Which KPI? Name one by id, e.g. `/kpi show {catalog.Kpis[0].Id}`. The ids: {Ids()}.");
        return catalog.Find(name) ?? throw new RefusedException(RefusalKind.NotFound, $"There is no KPI called `{name}`. The ids: {Ids()}.");
    }

    private string Ids() => string.Join(", ", catalog.Kpis.Select(k => k.Id));

    public bool Handles(string actionId) => false;

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        Task.FromResult<IReadOnlyList<Reply>>([]);

    public Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) => Task.FromResult<Card?>(null);
}
