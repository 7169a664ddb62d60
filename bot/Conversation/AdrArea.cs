using ExecOps.Bot.Reports;
using ExecOps.Cards;
using ExecOps.Cards.Adrs;
using ExecOps.Workflows.Adrs;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/adr` and its card's Accept: a typed request to the ADR service, and the ADR's card, or the export's files, as the answer.</summary>
public sealed class AdrArea(AdrService adrs, ReportLinks links, PeopleDirectory people) : IChatArea
{
    public CommandArea Area => AdrCommands.Area;

    public bool IsReadOnly(CommandLine line) => false;

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, AdrCommands.Parse(line), pressed: false);

    public IReadOnlyCollection<string> ActionIds => AdrActions.All;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Adr.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => AdrCard.Build(await adrs.GetAsync(subject.Id), people);

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, new AcceptAdr(AdrCommands.Id(data.GetValueOrDefault(AdrActions.Adr)), CardVersion.Seen(data)), pressed: true);

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(AdrActions.Adr) is { } id ? AdrCard.Build(await adrs.GetAsync(id), people) : null;

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, AdrRequest request, bool pressed) => request switch
    {
        ProposeAdr p => [Answer(actor, await adrs.ProposeAsync(actor, p), "proposed", pressed)],
        ListAdrs => [Reply.Private(AdrCard.List(await adrs.ListAsync(), people))],
        ShowAdr s => [Reply.Private(AdrCard.Build(await adrs.GetAsync(s.Id), people, actor))],
        AcceptAdr a => [Answer(actor, await adrs.AcceptAsync(actor, a), "accepted", pressed)],
        SupersedeAdr s => [Answer(actor, await adrs.SupersedeAsync(actor, s), $"superseded by {s.By}", pressed)],
        ExportAdrs => [Reply.Private(links.CardFor(actor.Id, await adrs.ExportAsync(actor)))],
        var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}."),
    };

    private Reply Answer(Actor actor, Adr adr, string what, bool pressed) =>
        new(pressed ? ReplyVisibility.Channel : ReplyVisibility.Ephemeral, $"{adr.Id} {what}.", AdrCard.Build(adr, people, actor));
}
