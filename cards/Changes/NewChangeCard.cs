namespace ExecOps.Cards.Changes;

/// <summary>The form `/change new` opens when its arguments are missing (a modal in Slack, the card itself in Teams).</summary>
public static class NewChangeCard
{
    public const string New = "change.new";

    public static Card Build(string missing, IEnumerable<string> services) => new("Open a change", [new TextBlock($"{missing} Fill in the form, or type it all: `/change new tier:1 service:payments \"<title>\" scope:\"…\" rollback:\"…\" metrics:\"error_rate<=0.5%\"`.")],
    [
        new FormButton("Open a change", New, new Dictionary<string, string>(),
        [
            new ChoiceInput("tier", "Tier", [new("0 (most critical)", "0"), new("1", "1"), new("2", "2"), new("3", "3")]),
            new ChoiceInput("service", "Service", services.Select(s => new Choice(s, s)).ToList()),
            new TextInput("title", "Title", MaxLength: 200),
            new TextInput("scope", "Scope (Tier 0/1)", Required: false, Multiline: true, MaxLength: 1000),
            new TextInput("rollback", "Rollback plan (Tier 0/1)", Required: false, Multiline: true, MaxLength: 1000),
            new TextInput("metrics", "Guardrails (Tier 0/1)", Required: false, Placeholder: "p95_latency_ms<=300, error_rate<=0.5%", MaxLength: 500),
            new TextInput("owner", "Owner (directory id; empty: you)", Required: false, MaxLength: 64),
        ], "Open"),
    ]);
}
