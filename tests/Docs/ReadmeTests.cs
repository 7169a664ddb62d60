using ExecOps.Tests.Support;
using ExecOps.Workflows.Adrs;
using ExecOps.Workflows.Blockers;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Contracts;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.Spend;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Resilience;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Tests.Docs;

/// <summary>
/// The README shows each state machine's graph as generated from the code. When a machine changes,
/// run the tests with UPDATE_README=1 to rewrite the block, and read the diff.
/// </summary>
public sealed class ReadmeTests
{
    private static readonly string Root = SharedExternal.RepoRoot;

    public static TheoryData<string, string> Machines() => new()
    {
        { "incident-machine", MachineGraph.Mermaid(IncidentMachine.For(new IncidentData(), DateTimeOffset.UnixEpoch)) },
        { "kpi-change-machine", MachineGraph.Mermaid(KpiChangeMachine.For(new KpiChangeData(), () => true)) },
        { "prompt-machine", MachineGraph.Mermaid(PromptMachine.For(new VariancePrompt())) },
        { "variance-review-machine", MachineGraph.Mermaid(VarianceReviewMachine.For(new VarianceReviewData())) },
        { "risk-machine", MachineGraph.Mermaid(RiskMachine.For(new RiskData())) },
        { "acceptance-machine", MachineGraph.Mermaid(AcceptanceMachine.For(new AcceptanceData(), () => true)) },
        { "escalation-machine", MachineGraph.Mermaid(EscalationMachine.For(new EscalationData(), new("its sponsor or a delegate may decide", "the CEO", () => true, () => true))) },
        { "change-machine", MachineGraph.Mermaid(ChangeMachine.For(new ChangeData { NeededApprovals = ["approver:payments"] }, () => true)) },
        { "breakglass-machine", MachineGraph.Mermaid(BreakGlassMachine.For(new BreakGlassData())) },
        { "decision-machine", MachineGraph.Mermaid(DecisionMachine.For(new DecisionData(), Actor.System)) },
        { "follow-up-machine", MachineGraph.Mermaid(FollowUpMachine.For(new FollowUp())) },
        { "control-machine", MachineGraph.Mermaid(ControlMachine.For(new ControlData())) },
        { "control-exception-machine", MachineGraph.Mermaid(ControlExceptionMachine.For(new ControlExceptionData(), () => true, () => true)) },
        { "dry-run-machine", MachineGraph.Mermaid(DryRunMachine.For(new DryRunData(), () => true)) },
        { "vendor-machine", MachineGraph.Mermaid(VendorMachine.For(new VendorData())) },
        { "contract-machine", MachineGraph.Mermaid(ContractMachine.For(new ContractData())) },
        { "spend-review-machine", MachineGraph.Mermaid(SpendReviewMachine.For(new SpendReviewData())) },
        { "ownership-audit-machine", MachineGraph.Mermaid(OwnershipAuditMachine.For(new OwnershipAuditData())) },
        { "game-day-machine", MachineGraph.Mermaid(GameDayMachine.For(new GameDayData(), () => true)) },
        { "adr-machine", MachineGraph.Mermaid(AdrMachine.For(new AdrData(), () => true)) },
        { "blocker-machine", MachineGraph.Mermaid(BlockerMachine.For(new BlockerData(), new BlockerAuthority(() => true, () => true, () => true))) },
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
}
