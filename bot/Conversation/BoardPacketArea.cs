using ExecOps.Bot.Reports;
using ExecOps.Cards;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;

namespace ExecOps.Bot.Conversation;

/// <summary>`/boardpacket`: the monthly board packet of §11, drafted from the canonical KPI and risk sources.</summary>
public sealed class BoardPacketArea(ReportDrafts drafts, ReportLinks links, TimeProvider clock) : IChatArea
{
    public CommandArea Area => ReportCommands.BoardPacket;

    public bool IsReadOnly(CommandLine line) => false;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        var request = ReportCommands.ParseBoardPacket(line, clock.GetUtcNow());
        return [Reply.Private(links.CardFor(actor.Id, await drafts.BoardPacketAsync(actor, request.Month)))];
    }
}
