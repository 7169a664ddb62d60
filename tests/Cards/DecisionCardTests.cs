using ExecOps.Cards;
using ExecOps.Cards.Decisions;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Decisions;

namespace ExecOps.Tests.Cards;

/// <summary>The decision card at its fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class DecisionCardTests
{
    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var long_ = new string('x', 400);
        var data = new DecisionData
        {
            Id = "DEC-2026-11-20-01", Title = "Ops Copilot Wave 4 " + long_[..100], Verdict = Verdict.Expand, Proposed = Verdict.Hold, OverrideReason = long_, Owner = "bob", Approver = "dana",
            BudgetUsd = 300000, Evidence = Enumerable.Range(0, 20).Select(i => $"wk09/evidence/{i}.md").ToList(), Guardrails = ["p95_latency_ms <= 1200", "grounded_score >= 4.3/5"],
            Milestones = [new Milestone("wave4_launch", new DateOnly(2026, 12, 15))], Revisit = new DateOnly(2027, 2, 1),
            Assessments = Enum.GetValues<Dimension>().Select(d => new Assessment(d, Verdict.Hold, long_)).ToList(), Supersedes = "DEC-2026-10-01-01",
        };
        yield return ("proposed decision", DecisionCard.Build(new Decision(data, 1, DateTimeOffset.UnixEpoch), TestCatalog.People));
        var approved = new DecisionData { Id = "DEC-2025-09-14-01", Title = "Ops Copilot Wave 3 (EU)", Owner = "VP Ops", State = DecisionState.Approved };
        yield return ("new decision form", NewDecisionCard.Build("Missing: owner:."));
        yield return ("imported decision", DecisionCard.Build(new Decision(approved, 1, DateTimeOffset.UnixEpoch), TestCatalog.People));
    }

    [Fact]
    public void Every_decision_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_decision_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
