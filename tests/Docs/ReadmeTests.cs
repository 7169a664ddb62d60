using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Tests.Docs;

/// <summary>
/// The README shows each state machine's graph as generated from the code. When a machine changes,
/// run the tests with UPDATE_README=1 to rewrite the block, and read the diff.
/// </summary>
public sealed class ReadmeTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string, string> Machines() => new()
    {
        { "incident-machine", IncidentMachine.For(new IncidentData(), DateTimeOffset.UnixEpoch).ToMermaid(IncidentState.Declared) },
        { "kpi-change-machine", KpiChangeMachine.For(new KpiChangeData(), () => true).ToMermaid(KpiChangeState.Proposed) },
        { "variance-prompt-machine", VariancePromptMachine.For(new VariancePrompt()).ToMermaid(PromptState.Asked) },
        { "risk-machine", RiskMachine.For(new RiskData()).ToMermaid(RiskState.Open) },
        { "acceptance-machine", AcceptanceMachine.For(new AcceptanceData(), () => true).ToMermaid(AcceptanceState.Requested) },
        { "change-machine", ChangeMachine.For(new ChangeData { NeededApprovals = ["approver:payments"] }, () => true).ToMermaid(ChangeState.Draft) },
        { "breakglass-machine", BreakGlassMachine.For(new BreakGlassData()).ToMermaid(GrantState.Active) },
        { "decision-machine", DecisionMachine.For(new DecisionData(), () => true).ToMermaid(DecisionState.Proposed) },
        { "escalation-machine", EscalationMachine.For(new EscalationData()).ToMermaid(EscalationState.WithSponsor) },
    };

    [Theory]
    [MemberData(nameof(Machines))]
    public void The_readme_shows_the_generated_state_machine_graph(string name, string mermaid)
    {
        var path = Path.Combine(Root, "README.md");
        var readme = File.ReadAllText(path);
        var (start, end) = ($"<!-- {name}:start -->", $"<!-- {name}:end -->");
        var block = $"{start}\n```mermaid\n{mermaid}\n```\n{end}";
        var from = readme.IndexOf(start, StringComparison.Ordinal);
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0, $"README.md needs a {start} … {end} block");

        var current = readme[from..(to + end.Length)];
        if (current != block && Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            File.WriteAllText(path, readme.Replace(current, block));
            return;
        }
        current.Should().Be(block, "the graph in the README must be the one the code generates (UPDATE_README=1 rewrites it)");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExecOps.Bot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ExecOps.Bot.sln not found above the test output.");
    }
}
