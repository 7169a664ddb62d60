using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>
/// Slack's documented Block Kit limits (api.slack.com/reference/block-kit), checked on rendered
/// blocks independently of the renderer's own fitting, so a renderer bug cannot hide itself.
/// </summary>
public static class BlockKitLimits
{
    public static IReadOnlyList<string> Violations(JsonArray blocks)
    {
        var found = new List<string>();
        void Over(string what, int length, int limit) { if (length > limit) found.Add($"{what} is {length}, the limit is {limit}"); }
        static int Text(JsonNode? node) => ((string?)node?["text"])?.Length ?? 0;

        Over("blocks", blocks.Count, 50);
        foreach (var (block, i) in blocks.Select((b, i) => (b!, i)))
        {
            switch ((string?)block["type"])
            {
                case "header":
                    Over($"block {i} header text", Text(block["text"]), 150);
                    break;
                case "section":
                    Over($"block {i} section text", Text(block["text"]), 3000);
                    var fields = block["fields"]?.AsArray() ?? [];
                    Over($"block {i} fields", fields.Count, 10);
                    foreach (var field in fields) Over($"block {i} field", Text(field), 2000);
                    break;
                case "context":
                    Over($"block {i} context elements", block["elements"]!.AsArray().Count, 10);
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    Over($"block {i} action elements", elements.Count, 25);
                    foreach (var element in elements)
                    {
                        Over($"block {i} button text", Text(element!["text"]), 75);
                        Over($"block {i} button value", ((string?)element["value"])?.Length ?? 0, 2000);
                        Over($"block {i} action_id", ((string?)element["action_id"])?.Length ?? 0, 255);
                        Over($"block {i} url", ((string?)element["url"])?.Length ?? 0, 3000);
                    }
                    break;
            }
        }
        return found;
    }
}
