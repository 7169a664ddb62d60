using ExecOps.Cards;
using ExecOps.Cards.People;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/people`: who is in the directory and what roles they hold.</summary>
public sealed class PeopleArea(PeopleDirectory people) : IChatArea
{
    public CommandArea Area { get; } = new("people", "who is in the directory, with their roles",
        [new("list", "/people list", "Everyone the bot knows, with roles.", ReadOnly: true)]);

    public bool IsReadOnly(CommandLine line) => true;

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Private(PeopleCard.Build(people))]);
    }
}
