using ExecOps.Cards;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>One top-level command and the card actions that belong to it.</summary>
public interface IChatArea
{
    CommandArea Area { get; }

    /// <summary>Whether a stranger (someone not in the directory) may run this sub-command.</summary>
    bool IsReadOnly(CommandLine line);

    Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line);

    /// <summary>The card action ids this area answers, registered by id (an area of commands only has none).</summary>
    IReadOnlyCollection<string> ActionIds => [];

    /// <summary>The notification subjects whose current card this area builds when a message about one is delivered.</summary>
    IReadOnlyCollection<string> SubjectKinds => [];

    Task<Card?> SubjectCardAsync(Subject subject) => Task.FromResult<Card?>(null);

    Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) => Task.FromResult<IReadOnlyList<Reply>>([]);

    /// <summary>The card to show instead when an action was refused because its card was stale.</summary>
    Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) => Task.FromResult<Card?>(null);
}
