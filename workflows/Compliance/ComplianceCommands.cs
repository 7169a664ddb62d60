using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Compliance;

/// <summary>The `/compliance` grammar: its help text, and the parse from words to a typed request.</summary>
public static partial class ComplianceCommands
{
    public static readonly CommandArea Area = new("compliance", "controls and their evidence, control health, exceptions, vendors",
    [
        new("status", "/compliance status", "Every control: green, yellow (evidence late), red (escalated) or excepted, with what is due."),
        new("show", "/compliance show CTRL-n", "One control: owner, frameworks, evidence due, exceptions, and (for its owners, auditors and admins) its evidence with hashes."),
        new("evidence", "/compliance evidence CTRL-n [kind:<kind>] <url or text>", "Record evidence for a control (owner, backup, CISO, admins); kept append-only with its SHA-256 and time."),
        new("exception", "/compliance exception CTRL-n until:YYYY-MM-DD compensating:\"…\" reason:\"…\"", "Ask for an exception until a date (capped); the owner's manager approves, never the requester."),
        new("exceptions", "/compliance exceptions", "The exceptions registry: waiting, in force, and when each expires."),
        new("confirm", "/compliance confirm CTRL-n [quarter:YYYY-Qn]", "Answer the quarter's internal audit dry run: the control works as written (owner or backup)."),
        new("finding", "/compliance finding CTRL-n \"<what you found>\" [quarter:YYYY-Qn]", "Record a dry-run finding; it becomes a task and a ticket for the owner."),
        new("pack", "/compliance pack [framework, e.g. SOC 2 or ISO 27001 A.8.32]", "Draft a versioned audit pack (auditors, admins, execs): controls with status, the evidence index with hashes, open exceptions, vendors, findings, as Markdown and CSV."),
        new("vendor", VendorCommands.Syntax, "The vendor and subprocessor register: personal or sensitive data without a DPA is flagged and raised as a risk; reviews remind their owner."),
    ]);

    public static ComplianceRequest Parse(CommandLine line) => line.Verb switch
    {
        "status" => new ShowComplianceStatus(),
        "show" => new ShowControl(Id(line)),
        "exceptions" => new ShowExceptions(),
        "evidence" => new RecordEvidence(Id(line), line.Option("kind"), string.Join(' ', line.Arguments.Skip(1))),
        "vendor" => VendorCommands.Parse(line),
        "pack" => new DraftPack(line.Arguments.Count > 0 ? string.Join(' ', line.Arguments) : null),
        "confirm" => new ConfirmDryRun(Id(line), Quarter(line.Option("quarter"))),
        "finding" => new ReportFinding(Id(line), Quarter(line.Option("quarter")), string.Join(' ', line.Arguments.Skip(1))),
        "exception" => new AskException(Id(line), CommandValues.Date(line.Option("until"), "until"), line.Option("compensating") ?? "", line.Option("reason") ?? ""),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/compliance {line.Verb}` is not a compliance command.\n{Area.Help()}"),
    };

    public static int Number(string? text, string what) => int.TryParse(text, out var number) && number > 0 ? number
        : throw new RefusedException(RefusalKind.Invalid, $"Which {what}? Give its number, e.g. 1.");

    private static string Id(CommandLine line) => line.Arguments.FirstOrDefault() is { } id && ControlId().IsMatch(id) ? id.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"Which control? Name it like `/compliance {line.Verb} CTRL-3 …`; `/compliance status` lists them.");

    public static string? Quarter(string? text) => text is null ? null : QuarterPattern().IsMatch(text) ? text.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"quarter:{text} is not a quarter; write it like quarter:2027-Q1.");

    [GeneratedRegex("^[0-9]{4}-Q[1-4]$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex("^CTRL-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex ControlId();
}
