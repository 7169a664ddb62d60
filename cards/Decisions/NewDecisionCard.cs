using ExecOps.Workflows.Decisions;

namespace ExecOps.Cards.Decisions;

/// <summary>The form `/decision new` opens when its arguments are missing (a modal in Slack, the card itself in Teams).</summary>
public static class NewDecisionCard
{
    public const string New = "decision.new";

    public static Card Build(string missing)
    {
        static IReadOnlyList<Choice> Verdicts() => Enum.GetNames<Verdict>().Select(v => new Choice(v, v.ToLowerInvariant())).ToList();
        var inputs = new List<CardInput>
        {
            new TextInput("title", "Title", MaxLength: 200),
            new ChoiceInput("verdict", "Verdict (empty: as the assessments propose)", Verdicts(), Required: false),
            new TextInput("owner", "Owner (directory id)", MaxLength: 64),
            new TextInput("approver", "Approver (directory id)", MaxLength: 64),
            new TextInput("budget", "Budget in USD", Placeholder: "$300k", MaxLength: 20),
            new TextInput("evidence", "Evidence links, comma-separated", Required: false, MaxLength: 1000),
            new TextInput("guardrails", "Guardrails, comma-separated", Required: false, Placeholder: "p95_latency_ms <= 1200, kpi.uptime >= 99.9", MaxLength: 500),
            new TextInput("milestones", "Milestones, comma-separated name=YYYY-MM-DD", Required: false, MaxLength: 500),
            new TextInput("revisit", "Revisit (YYYY-MM-DD)", Required: false, MaxLength: 10),
        };
        foreach (var d in Enum.GetValues<Dimension>())
        {
            inputs.Add(new ChoiceInput(d.ToString().ToLowerInvariant(), $"{d}: Expand, Hold or Retire", Verdicts(), Required: false));
            inputs.Add(new TextInput(DecisionCommands.NoteField(d), $"{d}: the evidence behind it", Required: false, MaxLength: 300));
        }
        inputs.Add(new TextInput("override", "Why another verdict than the assessments propose", Required: false, Multiline: true, MaxLength: 500));
        return new Card("Log a decision", [new TextBlock($"{missing} Fill in the form, or type it all: `/decision new \"<title>\" verdict:expand owner:@p approver:@p budget:$300k …`.")],
            [new FormButton("Log a decision", New, new Dictionary<string, string>(), inputs, "Propose")]);
    }
}
