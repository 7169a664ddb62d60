using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Adrs;

/// <summary>The `/adr` grammar: its help text, and the parse from words to a typed request.</summary>
public static partial class AdrCommands
{
    public static readonly CommandArea Area = new("adr", "architecture decision records for one-way doors, exported as docs/adr/NNNN-title.md",
    [
        new("new", "/adr new \"<title>\" context:\"…\" decision:\"…\" consequences:\"…\" [funded-by:DEC-…]", "Propose an ADR, linked to the decision log entry that funded it."),
        new("list", "/adr [list]", "Every ADR, newest first, with its status."),
        new("show", "/adr show ADR-n", "One ADR in full."),
        new("accept", "/adr accept ADR-n", "Accept it (an exec, an admin, or the approver of the decision that funded it)."),
        new("supersede", "/adr supersede ADR-n by:ADR-m", "Mark an accepted ADR superseded by a later one."),
        new("export", "/adr export", "Every ADR as a Markdown file in the standard layout, docs/adr/NNNN-title.md, to commit to a repository."),
    ]) { RunsBare = true };

    public const int MaxTitle = 120;
    public const int MaxSection = 4000;

    public static AdrRequest Parse(CommandLine line) => line.Verb switch
    {
        null or "list" => new ListAdrs(),
        "show" => new ShowAdr(Id(line.Arguments.FirstOrDefault())),
        "accept" => new AcceptAdr(Id(line.Arguments.FirstOrDefault())),
        "supersede" => new SupersedeAdr(Id(line.Arguments.FirstOrDefault()), Id(line.Option("by") ?? throw new RefusedException(RefusalKind.Invalid, "Say which ADR supersedes it: `/adr supersede ADR-1 by:ADR-4`. Nothing was changed."))),
        "export" => new ExportAdrs(),
        "new" => ParseNew(line),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/adr {line.Verb}` is not an ADR command.\n{Area.Help()}"),
    };

    public static string Id(string? text) => text is not null && IdPattern().IsMatch(text.Trim()) ? text.Trim().ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"`{text}` is not an ADR; name it like ADR-3. `/adr` lists them.");

    private static ProposeAdr ParseNew(CommandLine line)
    {
        var title = string.Join(' ', line.Arguments).Trim();
        var problems = new List<string>();
        if (title.Length is 0 or > MaxTitle) problems.Add($"a title in quotes, up to {MaxTitle} characters");
        string Section(string key)
        {
            var text = line.Option(key)?.Trim() ?? "";
            if (text.Length is 0 or > MaxSection) problems.Add($"{key}:\"…\" (up to {MaxSection} characters)");
            return text;
        }
        var (context, decision, consequences) = (Section("context"), Section("decision"), Section("consequences"));
        var funded = line.Option("funded-by")?.Trim();
        if (funded is not null && !DecisionPattern().IsMatch(funded)) problems.Add($"funded-by: a decision id like DEC-2026-11-02-01, not \"{funded}\"");
        if (problems.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"An ADR needs {string.Join("; ", problems)}. Nothing was recorded. For example `/adr new \"Move the ledger to PostgreSQL\" context:\"…\" decision:\"…\" consequences:\"…\" funded-by:DEC-2026-11-02-01`.");
        return new ProposeAdr(title, context, decision, consequences, funded?.ToUpperInvariant());
    }

    [GeneratedRegex(@"^ADR-\d{1,9}$", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^DEC-[A-Za-z0-9-]{1,40}$", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionPattern();
}
