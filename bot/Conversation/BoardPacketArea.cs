using System.Globalization;
using ExecOps.Bot.Reports;
using ExecOps.Cards;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;

namespace ExecOps.Bot.Conversation;

/// <summary>`/boardpacket`: the monthly board packet of §11, drafted from the canonical KPI and risk sources.</summary>
public sealed class BoardPacketArea(ReportDrafts drafts, ReportLinks links, TimeProvider clock) : IChatArea
{
    public CommandArea Area { get; } = new("boardpacket", "the monthly board packet, drafted from the scoreboard, risks, incidents and decisions",
    [
        new("", "/boardpacket [YYYY-MM]", "Draft the month's packet (this month to date if none is given) as Markdown; it is also drafted on the 2nd of each month for the CEO."),
    ]) { RunsBare = true };

    public bool IsReadOnly(CommandLine line) => false;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        var month = line.Words.Count == 0 ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : Month(line.Words[0]);
        var report = await drafts.BoardPacketAsync(actor, month);
        return [Reply.Private(links.CardFor(actor.Id, report))];
    }

    private static DateOnly Month(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month
        : throw new RefusedException(RefusalKind.Invalid, $"`{text}` is not a month; write it as YYYY-MM, e.g. `/boardpacket 2026-10`.");
}
