using ExecOps.Bot.Reports;
using ExecOps.Cards;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;

namespace ExecOps.Bot.Conversation;

/// <summary>`/readout`: seed 003's scale readout pack, and the clock that has its decisions logged within 24 hours.</summary>
public sealed class ReadoutArea(DecisionReminders reminders, ReportDrafts drafts, ReportLinks links) : IChatArea
{
    public CommandArea Area { get; } = new("readout", "the scale readout: its pack drafted from the records, its decisions logged within 24 hours",
    [
        new("", "/readout", "Draft exec_scale_readout.md, decision_log.md and next_90_plan.md from the last 13 weeks' records; they are also sent to your direct messages."),
        new("start", "/readout start [decisions:<n>]", "Start the readout meeting: you are reminded after 24 hours, and every 12 after, until its decisions are logged (n new ones, or without n, the proposed ones decided)."),
    ]) { RunsBare = true };

    public bool IsReadOnly(CommandLine line) => false;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        switch (line.Verb)
        {
            case null:
                var report = await drafts.ReadoutAsync(actor);
                return [Reply.Private(links.CardFor(actor.Id, report))];
            case "start":
                int? expected = line.Option("decisions") is { } text ? int.TryParse(text, out var n) ? n : 0 : null;
                var readout = await reminders.StartReadoutAsync(actor, expected);
                var what = readout.Agenda.Count > 0 ? $"the {readout.Expected} proposed decision(s) ({string.Join(", ", readout.Agenda)}) to be decided" : $"{readout.Expected} decision(s) to log with `/decision new`";
                return [Reply.Private($"{readout.Id} started: {what} by {readout.StartedAt + DecisionReminders.LogWithin:yyyy-MM-dd HH:mm} UTC.")];
            default:
                throw new RefusedException(RefusalKind.Invalid, $"`/readout {line.Verb}` is not a readout command.\n{Area.Help()}");
        }
    }
}
