using System.Globalization;
using ExecOps.Bot.Decisions;
using ExecOps.Cards;
using ExecOps.Cards.Decisions;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Bot.Conversation;

/// <summary>`/decision`: the Expand / Hold / Retire log, approved from cards, exported and imported as seed 003's YAML.</summary>
public sealed class DecisionArea(DecisionLog log, PeopleDirectory people) : IChatArea
{
    public CommandArea Area { get; } = new("decision", "the decision log: Expand / Hold / Retire, approved from cards, as YAML",
    [
        new("new", "/decision new \"<title>\" [verdict:expand|hold|retire] owner:@p approver:@p budget:$300k [evidence:\"a, b\"] [guardrails:\"p95_latency_ms <= 1200, kpi.uptime >= 99.9\"] [milestones:\"launch=2026-12-01, …\"] [revisit:YYYY-MM-DD] [value:… slos:… safety:… economics:… adoption:…] [override:\"…\"] [supersedes:DEC-…]",
            "Propose a decision; with the five dimensions assessed the bot proposes the verdict, and another needs override:\"reason\"."),
        new("show", "/decision show DEC-YYYY-MM-DD-NN", "One decision.", ReadOnly: true),
        new("export", "/decision export [since:YYYY-MM-DD]", "The log as YAML, in seed 003's shape.", ReadOnly: true),
        new("import", "/decision import <YAML on the following lines>", "Read an exported log back; nothing is imported if any line is wrong."),
    ]);

    public bool IsReadOnly(CommandLine line) => line.Verb is "show" or "export";

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        switch (line.Verb)
        {
            case "new":
                return [Reply.Private(DecisionCard.Build(await log.ProposeAsync(actor, Draft(actor, line)), people))];
            case "show":
                return [Reply.Private(DecisionCard.Build(await log.GetAsync(line.Arguments.FirstOrDefault() ?? ""), people))];
            case "export":
                DateOnly? since = line.Option("since") is { } s ? Date(s, "since") : null;
                var decisions = await log.SinceAsync(since);
                return [Reply.Private(decisions.Count == 0 ? "The decision log is empty." : "```\n" + DecisionYaml.Write(decisions) + "```")];
            case "import":
                var yaml = line.Body?.Trim().Trim('`').Trim()
                    ?? throw new RefusedException(RefusalKind.Invalid, "Put the YAML on the lines after `/decision import`, as `/decision export` writes it.");
                var (imported, present) = await log.ImportAsync(DecisionYaml.Read(yaml));
                return [Reply.Private($"Imported {imported} decision(s); {present} were already in the log.")];
            default:
                throw new RefusedException(RefusalKind.Invalid, $"`/decision {line.Verb}` is not a decision command.\n{Area.Help()}");
        }
    }

    public bool Handles(string actionId) => actionId is DecisionCard.Approve or DecisionCard.Reject or DecisionCard.Refresh;

    public async Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data)
    {
        var id = data.GetValueOrDefault(DecisionCard.Decision) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no decision id.");
        if (actionId == DecisionCard.Refresh) return [Reply.Private(DecisionCard.Build(await log.GetAsync(id), people))];
        long? seen = long.TryParse(data.GetValueOrDefault(DecisionCard.Version), out var version) ? version : null;
        return [Reply.ToChannel(DecisionCard.Build(await log.DecideAsync(actor, id, actionId == DecisionCard.Approve, seen), people))];
    }

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(DecisionCard.Decision) is { } id ? DecisionCard.Build(await log.GetAsync(id), people) : null;

    private DecisionDraft Draft(Actor actor, CommandLine line)
    {
        string Person(string key) => people.Find(line.Option(key))?.Id
            ?? throw new RefusedException(RefusalKind.NotFound, $"{key}:{line.Option(key) ?? "…"} is missing or not in the directory.");
        var assessments = Enum.GetValues<Dimension>()
            .Select(d => (d, text: line.Option(d.ToString().ToLowerInvariant())))
            .Where(x => x.text is not null)
            .Select(x => new Assessment(x.d, Verdict(x.text!, x.d.ToString().ToLowerInvariant()), "")).ToList();
        return new DecisionDraft(
            line.Arguments.FirstOrDefault() ?? throw new RefusedException(RefusalKind.Invalid, "A decision needs a title, in quotes."),
            line.Option("verdict") is { } v ? Verdict(v, "verdict") : null,
            Person("owner"), Person("approver"),
            RiskAmounts.Money(line.Option("budget") ?? "", "budget"),
            List(line.Option("evidence")), List(line.Option("guardrails")),
            List(line.Option("milestones")).Select(Milestone).ToList(),
            line.Option("revisit") is { } r ? Date(r, "revisit") : null,
            assessments, line.Option("override"), line.Option("supersedes"));
    }

    private static Verdict Verdict(string text, string field) =>
        Enum.TryParse<Verdict>(text, ignoreCase: true, out var verdict) && !int.TryParse(text, out _) ? verdict
        : throw new RefusedException(RefusalKind.Invalid, $"{field}:{text} must be expand, hold or retire.");

    private static IReadOnlyList<string> List(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Milestone Milestone(string text)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? new Milestone(parts[0], Date(parts[1], $"milestone {parts[0]}"))
            : throw new RefusedException(RefusalKind.Invalid, $"The milestone `{text}` must be name=YYYY-MM-DD.");
    }

    private static DateOnly Date(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new RefusedException(RefusalKind.Invalid, $"{field}:{text} must be a date written YYYY-MM-DD.");
}
