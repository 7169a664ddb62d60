using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Workflows.Decisions;

/// <summary>The `/decision` grammar: its help text, and the parse from words (or the form's fields, by the same names) to a typed request.</summary>
public static class DecisionCommands
{
    public static readonly CommandArea Area = new("decision", "the decision log: Expand / Hold / Retire, approved from cards, as YAML",
    [
        new("new", "/decision new \"<title>\" [verdict:expand|hold|retire] owner:@p approver:@p budget:$300k [evidence:\"a, b\"] [guardrails:\"p95_latency_ms <= 1200, kpi.uptime >= 99.9\"] [milestones:\"launch=2026-12-01, …\"] [revisit:YYYY-MM-DD] [value:\"expand: +12% stat-sig\" slos:… safety:… economics:… adoption:…] [override:\"…\"] [supersedes:DEC-…]",
            "Propose a decision; with the five dimensions assessed the bot proposes the verdict, and another needs override:\"reason\"."),
        new("show", "/decision show DEC-YYYY-MM-DD-NN", "One decision.", ReadOnly: true),
        new("export", "/decision export [since:YYYY-MM-DD]", "The log as YAML, in seed 003's shape.", ReadOnly: true),
        new("import", "/decision import <YAML on the following lines>", "Read an exported log back; nothing is imported if any line is wrong."),
    ]);

    public static bool IsReadOnly(string? verb) => verb is "show" or "export";

    public static DecisionRequest Parse(CommandLine line, PeopleDirectory people)
    {
        switch (line.Verb)
        {
            case "new":
                var missing = new[] { ("a title", line.Arguments.FirstOrDefault()), ("owner:", line.Option("owner")), ("approver:", line.Option("approver")), ("budget:", line.Option("budget")) }
                    .Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
                return missing.Count > 0 ? new OpenDecisionForm(missing) : new ProposeDecision(Draft(line.Arguments[0], line.Option, people));
            case "show":
                return new ShowDecision(line.Arguments.FirstOrDefault() ?? "");
            case "export":
                return new ExportDecisions(line.Option("since") is { } s ? CommandValues.Date(s, "since") : null);
            case "import":
                return new ImportDecisions(line.Body?.Trim().Trim('`').Trim()
                    ?? throw new RefusedException(RefusalKind.Invalid, "Put the YAML on the lines after `/decision import`, as `/decision export` writes it."));
            default:
                throw new RefusedException(RefusalKind.Invalid, $"`/decision {line.Verb}` is not a decision command.\n{Area.Help()}");
        }
    }

    /// <summary>The field that carries a dimension's note: `value-note:` on the command line, its own box on the form.</summary>
    public static string NoteField(Dimension dimension) => $"{dimension.ToString().ToLowerInvariant()}-note";

    /// <summary>A draft from the command's options or the form's fields: the same names either way.</summary>
    public static DecisionDraft Draft(string title, Func<string, string?> field, PeopleDirectory people)
    {
        string Person(string key) => people.Find(field(key))?.Id
            ?? throw new RefusedException(RefusalKind.NotFound, $"{key}:{field(key) ?? "…"} is missing or not in the directory.");
        var assessments = Enum.GetValues<Dimension>()
            .Select(d => (d, text: field(d.ToString().ToLowerInvariant())))
            .Where(x => x.text is not null)
            .Select(x => Assess(x.d, x.text!, field(NoteField(x.d)))).ToList();
        return new DecisionDraft(
            title,
            field("verdict") is { } v ? Verdict(v, "verdict") : null,
            Person("owner"), Person("approver"),
            RiskAmounts.Money(field("budget") ?? "", "budget"),
            List(field("evidence")), List(field("guardrails")),
            List(field("milestones")).Select(Milestone).ToList(),
            field("revisit") is { } r ? CommandValues.Date(r, "revisit") : null,
            assessments, field("override"), field("supersedes"));
    }

    /// <summary>`expand: +12% stat-sig` is the verdict and its note; the form gives the note a field of its own.</summary>
    private static Assessment Assess(Dimension dimension, string text, string? note)
    {
        var parts = text.Trim().Split([' ', ':', ',', ';'], 2, StringSplitOptions.TrimEntries);
        var typed = parts.Length == 2 ? parts[1].TrimStart(':', '—', '-', ' ').Trim() : "";
        return new Assessment(dimension, Verdict(parts[0], dimension.ToString().ToLowerInvariant()), note?.Trim() ?? typed);
    }

    private static Verdict Verdict(string text, string field) =>
        Enum.TryParse<Verdict>(text, ignoreCase: true, out var verdict) && !int.TryParse(text, out _) ? verdict
        : throw new RefusedException(RefusalKind.Invalid, $"{field}:{text} must be expand, hold or retire.");

    private static IReadOnlyList<string> List(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Milestone Milestone(string text)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? new Milestone(parts[0], CommandValues.Date(parts[1], $"milestone {parts[0]}"))
            : throw new RefusedException(RefusalKind.Invalid, $"The milestone `{text}` must be name=YYYY-MM-DD.");
    }
}
