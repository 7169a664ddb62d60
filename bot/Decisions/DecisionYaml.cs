using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExecOps.Workflows;
using ExecOps.Workflows.Decisions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExecOps.Bot.Decisions;

/// <summary>
/// The decision log as YAML in exactly the shape of seed 003's example entry (id, title, owner,
/// budget_usd, evidence, guardrails, milestones, status), one document per decision, `---` between.
/// The verdict travels as the title's prefix (`EXPAND — …`), as in the seed.
/// </summary>
public static partial class DecisionYaml
{
    public static string Write(IEnumerable<DecisionData> decisions) =>
        string.Join("---\n", decisions.Select(Write));

    public static string Write(DecisionData d)
    {
        var yaml = new StringBuilder();
        yaml.Append("id: ").Append(d.Id).Append('\n');
        yaml.Append("title: ").Append(Scalar($"{d.Verdict.ToString().ToUpperInvariant()} — {d.Title}")).Append('\n');
        yaml.Append("owner: ").Append(Scalar(d.Owner)).Append('\n');
        yaml.Append("budget_usd: ").Append(d.BudgetUsd.ToString("0.##", CultureInfo.InvariantCulture)).Append('\n');
        List("evidence", d.Evidence.Select(Scalar));
        List("guardrails", d.Guardrails.Select(Scalar));
        List("milestones", d.Milestones.Select(m => $"{Scalar(m.Name)}: {m.Due:yyyy-MM-dd}"));
        yaml.Append("status: ").Append(d.State).Append('\n');
        return yaml.ToString();

        void List(string key, IEnumerable<string> items)
        {
            var lines = items.ToList();
            yaml.Append(key).Append(lines.Count == 0 ? ": []\n" : ":\n");
            foreach (var line in lines) yaml.Append("  - ").Append(line).Append('\n');
        }
    }

    /// <summary>Every entry, or a refusal naming the line and what is wrong there; nothing is half read.</summary>
    public static IReadOnlyList<DecisionData> Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw Fault(e.Start.Line, e.InnerException?.Message ?? e.Message);
        }
        var decisions = new List<DecisionData>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root) throw Fault(document.RootNode.Start.Line, "an entry must be a mapping of id, title, owner, budget_usd, evidence, guardrails, milestones, status");
            decisions.Add(Entry(root));
        }
        if (decisions.Count == 0) throw new RefusedException(RefusalKind.Invalid, "The YAML has no decisions in it.");
        return decisions;
    }

    private static DecisionData Entry(YamlMappingNode root)
    {
        string Text(string key)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node)) throw Fault(root.Start.Line, $"\"{key}\" is missing");
            return node is YamlScalarNode { Value: { } value } ? value : throw Fault(node.Start.Line, $"\"{key}\" must be a single value");
        }
        IEnumerable<YamlNode> Items(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node as YamlSequenceNode ?? throw Fault(node.Start.Line, $"\"{key}\" must be a list (lines starting with \"- \")")
            : [];

        var id = Text("id");
        if (!IdPattern().IsMatch(id)) throw Fault(root.Start.Line, $"id \"{id}\" is not a decision id like DEC-2025-09-14-01");
        var title = TitlePattern().Match(Text("title"));
        if (!title.Success) throw Fault(root.Start.Line, "title must start with EXPAND, HOLD or RETIRE and a dash, e.g. \"EXPAND — Ops Copilot Wave 3 (EU)\"");
        var budgetNode = root.Children[new YamlScalarNode("budget_usd")];
        if (!decimal.TryParse(Text("budget_usd"), NumberStyles.Number, CultureInfo.InvariantCulture, out var budget) || budget < 0)
            throw Fault(budgetNode.Start.Line, $"budget_usd \"{Text("budget_usd")}\" is not an amount of money in US dollars");
        if (!Enum.TryParse<DecisionState>(Text("status"), ignoreCase: false, out var status))
            throw Fault(root.Start.Line, $"status \"{Text("status")}\" must be one of {string.Join(", ", Enum.GetNames<DecisionState>())}");
        return new DecisionData
        {
            Id = id, Title = title.Groups[2].Value.Trim(), Verdict = Enum.Parse<Verdict>(title.Groups[1].Value, ignoreCase: true), Owner = Text("owner"), BudgetUsd = budget,
            Evidence = Items("evidence").Select(n => Scalar(n, "evidence")).ToList(),
            Guardrails = Items("guardrails").Select(n => Scalar(n, "guardrails")).ToList(),
            Milestones = Items("milestones").Select(Milestone).ToList(),
            State = status,
        };
    }

    private static Milestone Milestone(YamlNode node)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } pair) throw Fault(node.Start.Line, "a milestone is one \"name: YYYY-MM-DD\" pair");
        var (name, due) = pair.Children.Single();
        var text = (due as YamlScalarNode)?.Value;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Fault(due.Start.Line, $"milestone \"{(name as YamlScalarNode)?.Value}\" has \"{text}\", not a date written YYYY-MM-DD");
        return new Milestone(((YamlScalarNode)name).Value!, date);
    }

    private static string Scalar(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Fault(node.Start.Line, $"each item of \"{key}\" must be a single value");

    /// <summary>Plain when YAML reads it back unchanged; double-quoted otherwise.</summary>
    private static string Scalar(string value) =>
        value.Length == 0 || !Plain().IsMatch(value) || value.Contains(": ") || value.Contains(" #") || value != value.Trim()
            ? "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
            : value;

    private static RefusedException Fault(long line, string reason) =>
        new(RefusalKind.Invalid, $"The decision log could not be read at line {line}: {reason}. Nothing was imported.");

    [GeneratedRegex("^DEC-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(EXPAND|HOLD|RETIRE)\s*[—–-]\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^[^-?:,\[\]{}#&*!|>'""%@`\s]")]
    private static partial Regex Plain();
}
