using ExecOps.Cards;
using ExecOps.Cards.Blockers;
using ExecOps.Workflows.Blockers;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/blocker` and its card's buttons: a typed request to the blocker service, and the blocker's card as the answer.</summary>
public sealed class BlockerArea(BlockerService blockers, OwnershipMap map, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    public CommandArea Area => BlockerCommands.Area;

    public bool IsReadOnly(CommandLine line) => false;

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, BlockerCommands.Parse(line), pressed: false);

    public IReadOnlyCollection<string> ActionIds => BlockerActions.All;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Blocker.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => BlockerCard.Build(await blockers.GetAsync(subject.Id), map, people);

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, BlockerActionRequests.Parse(actionId, data), pressed: true);

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(BlockerActions.Blocker) is { } id ? BlockerCard.Build(await blockers.GetAsync(id), map, people) : null;

    /// <param name="pressed">From a card: the answer replaces the card it was pressed on, for whoever sees it.</param>
    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, BlockerRequest request, bool pressed) => request switch
    {
        OpenBlocker o => [Answer(actor, await blockers.OpenAsync(actor, o), "opened", pressed)],
        ListBlockers => [Reply.Private(BlockerCard.List(await blockers.OpenOnesAsync(), people, clock.GetUtcNow()))],
        ShowBlocker s => [Reply.Private(BlockerCard.Build(await blockers.GetAsync(s.Id), map, people, actor))],
        UnblockBlocker u => [Answer(actor, await blockers.ActAsync(u.Id, b => b.Unblock(actor, u.Note), u.Seen), "unblocked", pressed)],
        ReassignBlocker r => [Answer(actor, await blockers.ReassignAsync(actor, r), "reassigned", pressed)],
        AcceptBlockerDelay a => [Answer(actor, await blockers.ActAsync(a.Id, b => b.AcceptDelay(actor, a.Until, a.Reason), a.Seen), "delay accepted", pressed)],
        var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}."),
    };

    private Reply Answer(Actor actor, Blocker blocker, string what, bool pressed) =>
        new(pressed ? ReplyVisibility.Channel : ReplyVisibility.Ephemeral, $"{blocker.Id} {what}.", BlockerCard.Build(blocker, map, people, actor));
}
