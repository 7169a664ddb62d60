using ExecOps.Cards;
using ExecOps.Cards.Rendering.AdaptiveCards;
using ExecOps.Cards.Rendering.BlockKit;

namespace ExecOps.Tests.Support;

/// <summary>Named cards checked as each platform receives them: the official Adaptive Card 1.5 schema, and Slack's Block Kit limits.</summary>
public static class CardChecks
{
    public static IReadOnlyList<string> SchemaFaults(IEnumerable<(string Name, Card Card)> cards)
    {
        var named = cards.ToList();
        var results = JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", named.Select(c => AdaptiveCardRenderer.Render(c.Card).ToJsonString()).ToList());
        return named.Zip(results).Where(p => !p.Second.IsValid).Select(p => $"{p.First.Name}: {string.Join("; ", p.Second.Errors)}").ToList();
    }

    public static IReadOnlyList<string> BlockKitFaults(IEnumerable<(string Name, Card Card)> cards) =>
        cards.SelectMany(c => BlockKitLimits.Violations(BlockKitRenderer.Blocks(c.Card, "https://execops.example.com/full")).Select(v => $"{c.Name}: {v}")).ToList();
}
