using ExecOps.Bot.Api;
using ExecOps.Cards;
using ExecOps.Cards.Kpis;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Bot.Conversation;

/// <summary>`/kpi` and the RFC card's buttons: a typed request to the catalog, its change control or the intake, and the result as cards.</summary>
public sealed class KpiArea(KpiCatalog catalog, PeopleDirectory people, KpiSettings settings, MetricsIntake intake, KpiService changes) : IChatArea
{
    public CommandArea Area => KpiCommands.Area;

    public bool IsReadOnly(CommandLine line) => KpiCommands.IsReadOnly(line.Verb);

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, KpiCommands.Parse(line, catalog));

    public IReadOnlyCollection<string> ActionIds => KpiActionRequests.Ids;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [KpiChange.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => await ChangeCardAsync(subject.Id);

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, KpiActionRequests.Parse(actionId, data));

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(KpiChangeCard.Change) is { } id ? await ChangeCardAsync(id) : null;

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, KpiRequest request) => request switch
    {
        ShowKpiOwners => [Reply.Private(KpiOwnersCard.Build(catalog, people, settings.EscalationOwner))],
        ShowKpi s => [Reply.Private(KpiCard.Build(s.Kpi, catalog, people, await changes.HistoryAsync(s.Kpi.Id)))],
        ImportObservations i => [Reply.Private(await ImportAsync(actor, i.Csv))],
        ProposeKpiChange p => [Reply.Private(KpiChangeCard.Build(
            await changes.ProposeAsync(actor, p.Kpi, p.Changes, p.Impact, p.Validation, p.Migration, p.EffectiveOn), p.Kpi, people))],
        ShowKpiChange s => [Reply.Private(await ChangeCardAsync(s.ChangeId))],
        DecideKpiChange d => [Reply.ToChannel(KpiChangeCard.Build(await changes.DecideAsync(actor, d.ChangeId, d.Approve, d.Reason, d.Seen), catalog, people))],
        _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
    };

    private async Task<string> ImportAsync(Actor actor, string csv)
    {
        var outcome = await intake.IngestAsync(actor, ObservationCsv.Parse(csv));
        return outcome.Receipt is { } r
            ? $"Imported: {r.Stored} new, {r.Revised} restated, {r.Unchanged} already there."
            : $"Nothing was imported: {outcome.Rejected.Count} row(s) could not be used.\n" + string.Join("\n", outcome.Rejected.Select(x => $"• row {x.Index + 1}: {x.Reason}"));
    }

    private async Task<Card> ChangeCardAsync(string id) => KpiChangeCard.Build(await changes.GetAsync(id), catalog, people);
}
