using ExecOps.Cards;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/readout`: the scale readout of seed 003, whose decisions must be in the log within 24 hours.</summary>
public sealed class ReadoutArea(DecisionReminders reminders) : IChatArea
{
    public CommandArea Area { get; } = new("readout", "the scale readout: its decisions logged within 24 hours",
    [
        new("start", "/readout start decisions:<n>", "Start a readout that is to take n decisions; you are reminded after 24 hours, and every 12 after, until all n are logged."),
    ]);

    public bool IsReadOnly(CommandLine line) => false;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        if (line.Verb != "start") throw new RefusedException(RefusalKind.Invalid, $"`/readout {line.Verb}` is not a readout command.\n{Area.Help()}");
        var expected = int.TryParse(line.Option("decisions"), out var n) ? n : 0;
        var readout = await reminders.StartReadoutAsync(actor, expected);
        return [Reply.Private($"{readout.Id} started: {readout.Expected} decision(s) to log with `/decision new` by {readout.StartedAt + DecisionReminders.LogWithin:yyyy-MM-dd HH:mm} UTC.")];
    }
}
