using ExecOps.Bot.Reports;
using ExecOps.Cards;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;

namespace ExecOps.Bot.Conversation;

/// <summary>`/readout`: seed 003's scale readout pack, and the clock that has its decisions logged within 24 hours.</summary>
public sealed class ReadoutArea(DecisionReminders reminders, ReportDrafts drafts, ReportLinks links) : IChatArea
{
    public CommandArea Area => ReportCommands.Readout;

    public bool IsReadOnly(CommandLine line) => false;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => ReportCommands.ParseReadout(line) switch
    {
        StartReadout s => [Reply.Private(Started(await reminders.StartReadoutAsync(actor, s.Decisions)))],
        _ => [Reply.Private(links.CardFor(actor.Id, await drafts.ReadoutAsync(actor)))],
    };

    private static string Started(ReadoutData readout)
    {
        var what = readout.Agenda.Count > 0 ? $"the {readout.Expected} proposed decision(s) ({string.Join(", ", readout.Agenda)}) to be decided" : $"{readout.Expected} decision(s) to log with `/decision new`";
        return $"{readout.Id} started: {what} by {readout.StartedAt + DecisionReminders.LogWithin:yyyy-MM-dd HH:mm} UTC.";
    }
}
