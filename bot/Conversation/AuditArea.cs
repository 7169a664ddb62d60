using ExecOps.Bot.Reports;
using ExecOps.Cards;
using ExecOps.Workflows.Audit;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/audit`: the admins' check of the audit log's hash chain, and its export.</summary>
public sealed class AuditArea(AuditLog log, ReportLinks links) : IChatArea
{
    public CommandArea Area => AuditCommands.Area;

    public bool IsReadOnly(CommandLine line) => false;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AuditCommands.Parse(line) switch
    {
        VerifyAudit => [Reply.Private(Verdict(await log.VerifyAsync(actor)))],
        ExportAudit e => [Reply.Private(links.CardFor(actor.Id, await log.ExportAsync(actor, e.Since)))],
        _ => throw new InvalidOperationException("No handler for this audit request."),
    };

    private static string Verdict(AuditVerdict verdict) => verdict.Broken is { } row
        ? $"The audit log's chain breaks at row {row.Sequence} ({row.At:yyyy-MM-dd HH:mm:ss} UTC, {row.Actor}, {row.Action}): that row, or one before it, was changed or removed outside the bot. Rows before it hold."
        : $"The audit log's chain holds: {verdict.Rows} row(s), each linked to the one before it. Its head is `{verdict.Head}`.";
}
