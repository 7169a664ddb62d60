using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Audit;

/// <summary>What an admin asked of the audit log.</summary>
public abstract record AuditRequest;

public sealed record VerifyAudit : AuditRequest;

/// <summary>The log from <paramref name="Since"/> (the start when null), as a file.</summary>
public sealed record ExportAudit(DateOnly? Since) : AuditRequest;

/// <summary>The `/audit` grammar.</summary>
public static class AuditCommands
{
    public static readonly CommandArea Area = new("audit", "the audit log (admins): check its hash chain, or export it as a file",
    [
        new("verify", "/audit verify", "Walk the hash chain from the first row and report the first broken link, if any."),
        new("export", "/audit export [since:YYYY-MM-DD]", "The log (from a day, or all of it) as a Markdown file behind a link signed for you."),
    ]);

    public static AuditRequest Parse(CommandLine line) => line.Verb switch
    {
        "verify" => new VerifyAudit(),
        "export" => new ExportAudit(line.Option("since") is { } since ? CommandValues.Date(since, "since") : null),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/audit {line.Verb}` is not an audit command.\n{Area.Help()}"),
    };
}
