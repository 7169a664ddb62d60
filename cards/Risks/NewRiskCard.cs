using ExecOps.Workflows.Risks;

namespace ExecOps.Cards.Risks;

/// <summary>The form `/risk add` opens when its arguments are missing (a modal in Slack, the card itself in Teams).</summary>
public static class NewRiskCard
{
    public static Card Build(string missing) => new("Add a risk", [new TextBlock($"{missing} Fill in the form, or type it all: `/risk add \"<title>\" category:security p:30% impact:$250k customers:\"…\" owner:@p sponsor:@p`.")],
    [
        new FormButton("Add a risk", RiskActions.Add, new Dictionary<string, string>(),
        [
            new TextInput("title", "Title", MaxLength: 200),
            new ChoiceInput("category", "Category", Enum.GetNames<RiskCategory>().Select(c => new Choice(c, c.ToLowerInvariant())).ToList()),
            new TextInput("p", "Probability", Placeholder: "30%", MaxLength: 10),
            new TextInput("impact", "Dollar impact", Placeholder: "$250k", MaxLength: 20),
            new TextInput("customers", "Customer impact", Required: false, MaxLength: 500),
            new TextInput("owner", "Owner (directory id; empty: the CEO)", Required: false, MaxLength: 64),
            new TextInput("sponsor", "Exec sponsor (directory id)", Required: false, MaxLength: 64),
            new TextInput("review", "Next review (YYYY-MM-DD)", Required: false, MaxLength: 10),
        ], "Add"),
    ]);
}
