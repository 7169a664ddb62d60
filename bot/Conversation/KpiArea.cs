using ExecOps.Cards;
using ExecOps.Cards.Kpis;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/kpi`: the governed catalog, its owners and its definitions.</summary>
public sealed class KpiArea(KpiCatalog catalog, PeopleDirectory people, KpiSettings settings) : IChatArea
{
    public CommandArea Area { get; } = new("kpi", "the 12 governed KPIs: owners and definitions",
    [
        new("owners", "/kpi owners", "Every KPI with its owner and backup; a KPI nobody owns is flagged.", ReadOnly: true),
        new("show", "/kpi show <kpi>", "One KPI's definition, unit, target, thresholds, source, lineage and freshness SLA.", ReadOnly: true),
    ]);

    public bool IsReadOnly(CommandLine line) => true;

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        var card = line.Verb switch
        {
            "owners" => KpiOwnersCard.Build(catalog, people, settings.EscalationOwner),
            "show" => KpiCard.Build(Find(line), catalog, people),
            _ => throw new RefusedException(RefusalKind.Invalid, $"`/kpi {line.Verb}` is not a KPI command.\n{Area.Help()}"),
        };
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Private(card)]);
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
