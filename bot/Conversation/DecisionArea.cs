using ExecOps.Bot.Decisions;
using ExecOps.Cards;
using ExecOps.Cards.Decisions;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/decision` and the decision card's buttons: a typed request to the log, and the result as cards or YAML.</summary>
public sealed class DecisionArea(DecisionService log, PeopleDirectory people) : IChatArea
{
    public CommandArea Area => DecisionCommands.Area;

    public bool IsReadOnly(CommandLine line) => DecisionCommands.IsReadOnly(line.Verb);

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, DecisionCommands.Parse(line, people));

    public IReadOnlyCollection<string> ActionIds => DecisionActionRequests.Ids;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Decision.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => DecisionCard.Build(await log.GetAsync(subject.Id), people);

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, DecisionActionRequests.Parse(actionId, data, people));

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(DecisionCard.Decision) is { } id ? DecisionCard.Build(await log.GetAsync(id), people) : null;

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, DecisionRequest request) => request switch
    {
        OpenDecisionForm f => [Reply.Private(NewDecisionCard.Build($"Missing: {string.Join(", ", f.Missing)}."))],
        ProposeDecision p => [Reply.Private(DecisionCard.Build(await log.ProposeAsync(actor, p.Draft), people))],
        ShowDecision s => [Reply.Private(DecisionCard.Build(await log.GetAsync(s.DecisionId), people))],
        DecideDecision d => [Reply.ToChannel(DecisionCard.Build(await log.DecideAsync(actor, d.DecisionId, d.Approve, d.Seen), people))],
        ExportDecisions e => [Reply.Private(await ExportAsync(e.Since))],
        ImportDecisions i => [Reply.Private(await ImportAsync(i.Yaml))],
        _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
    };

    private async Task<string> ExportAsync(DateOnly? since)
    {
        var decisions = await log.SinceAsync(since);
        return decisions.Count == 0 ? "The decision log is empty." : "```\n" + DecisionYaml.Write(decisions) + "```";
    }

    private async Task<string> ImportAsync(string yaml)
    {
        var (imported, present) = await log.ImportAsync(DecisionYaml.Read(yaml));
        return $"Imported {imported} decision(s); {present} were already in the log.";
    }
}
