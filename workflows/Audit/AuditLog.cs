using System.Globalization;
using System.Text;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Audit;

/// <summary>What walking the chain found: every row holds, or the first one that does not.</summary>
public sealed record AuditVerdict(long Rows, AuditEntry? Broken, string Head);

/// <summary>
/// The audit log as admins see it: the hash chain checked from its first row, and the log exported
/// as a file. Each row's hash covers the one before it, so the export carries its own proof: a row
/// changed after the fact no longer chains, and the last hash is the head `/audit verify` reports.
/// Both are audited like any command.
/// </summary>
public sealed class AuditLog(Store store)
{
    public const string Subject = "audit";

    public Task<AuditVerdict> VerifyAsync(Actor actor)
    {
        EnsureAdmin(actor, "verify");
        return store.WriteAsync(async unit =>
        {
            var rows = await unit.Audit.ListAsync();
            var broken = await unit.Audit.VerifyAsync();
            await unit.AuditAsync(Subject);
            return new AuditVerdict(rows.Count, rows.FirstOrDefault(r => r.Sequence == broken), rows.LastOrDefault()?.Hash ?? "");
        });
    }

    public Task<ReportData> ExportAsync(Actor actor, DateOnly? since)
    {
        EnsureAdmin(actor, "export");
        return store.WriteAsync(async unit =>
        {
            var all = await unit.Audit.ListAsync();
            var from = since is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
            var rows = all.Where(r => r.At >= from).ToList();
            var stem = $"audit-{DateOnly.FromDateTime(unit.Now.UtcDateTime):yyyy-MM-dd}";
            var file = new ReportFile($"audit_log_{(since is { } s ? $"since_{s:yyyy-MM-dd}" : "all")}.md", Markdown(rows, all.Count, since, actor, unit.Now));
            return await ReportDrafts.SaveAsync(unit, stem, "Audit log export", actor, [file], $"The audit log export is ready: {file.Name}, {rows.Count} row(s).");
        });
    }

    private static void EnsureAdmin(Actor actor, string what)
    {
        if (!actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"Only admins may {what} the audit log; you ({actor.Name}) are not one.", Subject);
    }

    private static string Markdown(IReadOnlyList<AuditEntry> rows, int total, DateOnly? since, Actor reader, DateTimeOffset now)
    {
        var text = new StringBuilder($"# Audit log export\n\nExported {now:yyyy-MM-dd HH:mm} UTC for {reader.Name}: {rows.Count} of {total} row(s)");
        text.Append(since is { } day ? $", from {day:yyyy-MM-dd}.\n\n" : ".\n\n");
        text.Append("Each row's hash is SHA-256 over the previous row's hash and its own fields, so a row changed after the fact breaks the chain from there on. ");
        text.Append(rows.Count > 0 ? $"The last hash here, `{rows[^1].Hash}`, was the chain's head at export.\n\n" : "\n\n");
        text.Append("| # | at (UTC) | actor | action | subject | outcome | detail | hash |\n| ---: | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var row in rows)
            text.Append(CultureInfo.InvariantCulture, $"| {row.Sequence} | {row.At:yyyy-MM-dd HH:mm:ss} | {Cell(row.Actor)} | {Cell(row.Action)} | {Cell(row.Subject)} | {row.Outcome} | {Cell(row.Detail)} | `{row.Hash}` |\n");
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
