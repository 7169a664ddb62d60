using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Decisions;

/// <summary>The decision log through the Playground: proposing, the approver's card, and seed 003's YAML read back verbatim.</summary>
public sealed class DecisionLogTests : BotTest
{
    /// <summary>Seed 003's example decision log entry, exactly as the seed has it.</summary>
    private static string SeedExample() => File.ReadAllText(Path.Combine(SharedExternal.RepoRoot, "tests", "seeds", "decision-log-example.yaml"));

    [Fact]
    public async Task Seed_003s_example_entry_is_imported_and_exported_verbatim()
    {
        var example = SeedExample();
        example.Should().Contain("title: EXPAND — Ops Copilot Wave 3 (EU)").And.Contain("  - eu_privacy_update: 2025-10-10");

        (await Playground.OneAsync("dana", "/decision import\n" + example)).Text.Should().Be("Imported 1 decision(s); 0 were already in the log.");
        (await Playground.OneAsync("dana", "/decision import\n" + example)).Text.Should().Be("Imported 0 decision(s); 1 were already in the log.");

        var exported = (await Playground.OneAsync("lee", "/decision export")).Text;
        exported.Should().Be("```\n" + example + "```");
        CardJson.Facts((await Playground.OneAsync("lee", "/decision show DEC-2025-09-14-01")).Card!).Should().Contain("Verdict: EXPAND").And.Contain("Budget: $300,000")
            .And.Contain("Owner: VP Ops").And.Contain("Approver: not named (an imported entry)").And.NotContain("/ none");
    }

    [Fact]
    public async Task A_proposed_decision_is_approved_by_its_approver_only_and_exports_in_the_seeds_shape()
    {
        var proposed = await Playground.OneAsync("alice",
            "/decision new \"Ops Copilot Wave 4 (US)\" owner:@bob approver:@dana budget:$250k evidence:\"wk09/adoption/study.md, INC-4\" guardrails:\"p95_latency_ms <= 1200, kpi.uptime >= 99.9\" milestones:\"wave4_launch=2026-12-15\" revisit:2027-02-01 value:expand slos:expand safety:expand economics:hold adoption:expand");
        CardJson.Facts(proposed.Card!).Should().Contain("Verdict: EXPAND (as the assessments propose)").And.Contain("State: Proposed");
        var id = "DEC-2026-11-02-01";
        proposed.Text.Should().Contain(id);

        (await Playground.ActionAsync("bob", proposed.MessageId, "decision.approve", proposed.ActionData("decision.approve"))).Single().Text
            .Should().Contain($"{id} is proposed, so approve is not possible: that needs its named approver");
        CardJson.Facts((await Playground.ActionAsync("dana", proposed.MessageId, "decision.approve", proposed.ActionData("decision.approve"))).Single().Card!)
            .Should().Contain("State: Approved by Dana Okafor");

        (await Playground.OneAsync("lee", "/decision export since:2026-11-01")).Text.Should().Be("""
            ```
            id: DEC-2026-11-02-01
            title: EXPAND — Ops Copilot Wave 4 (US)
            owner: bob
            budget_usd: 250000
            evidence:
              - wk09/adoption/study.md
              - INC-4
            guardrails:
              - p95_latency_ms <= 1200
              - kpi.uptime >= 99.9
            milestones:
              - wave4_launch: 2026-12-15
            status: Approved
            ```
            """);
    }

    [Fact]
    public async Task Choosing_another_verdict_than_the_assessments_propose_needs_a_reason()
    {
        const string Assessed = "owner:@bob approver:@dana budget:$100k value:expand slos:hold safety:expand economics:hold adoption:expand";

        (await Playground.OneAsync("alice", $"/decision new \"Wave 5\" verdict:expand {Assessed}")).Text.Should().Contain("The assessments propose Hold; choosing Expand needs a reason");
        CardJson.Facts((await Playground.OneAsync("alice", $"/decision new \"Wave 5\" verdict:expand override:\"Board asked to keep pace\" {Assessed}")).Card!)
            .Should().Contain("Verdict: EXPAND (the assessments propose Hold; override: Board asked to keep pace)");
    }

    [Fact]
    public async Task Missing_arguments_open_the_form_and_the_form_proposes_the_decision()
    {
        var form = await Playground.OneAsync("alice", "/decision new \"Wave 6\"");
        form.Text.Should().Contain("Missing: owner:, approver:, budget:.");

        var proposed = (await Playground.ActionAsync("alice", form.MessageId, "decision.new", new Dictionary<string, string>
        {
            ["title"] = "Wave 6", ["owner"] = "bob", ["approver"] = "dana", ["budget"] = "$40k",
            ["value"] = "expand", ["slos"] = "expand", ["safety"] = "expand", ["economics"] = "expand", ["adoption"] = "hold", ["adoption-note"] = "slow uptake in EMEA",
        })).Single();

        CardJson.Facts(proposed.Card!).Should().Contain("Verdict: EXPAND (as the assessments propose)").And.Contain("Budget: $40,000")
            .And.Contain("Adoption: Hold: slow uptake in EMEA").And.Contain("Value: Expand");
    }

    [Theory]
    [InlineData("/decision new \"X\" verdict:hold owner:@bob approver:@dana budget:lots", "budget:lots is not an amount of money")]
    [InlineData("/decision new \"X\" verdict:hold owner:@bob approver:@dana budget:$1k milestones:\"launch=2026-01-01\"", "Milestone(s) in the past: launch 2026-01-01")]
    [InlineData("/decision new \"X\" verdict:hold owner:@bob approver:@dana budget:$1k guardrails:\"kpi.nps >= 40\"", "names a KPI the catalog does not have")]
    [InlineData("/decision new \"X\" verdict:maybe owner:@bob approver:@dana budget:$1k", "verdict:maybe must be expand, hold or retire")]
    [InlineData("/decision new \"X\" verdict:hold owner:@bob approver:@ghost budget:$1k", "approver:@ghost is missing or not in the directory")]
    [InlineData("/decision import\nid: DEC-2025-09-14-01\ntitle: EXPAND — X\nowner: VP Ops\nbudget_usd: lots\nstatus: Approved", "at line 4: budget_usd \"lots\" is not an amount of money")]
    [InlineData("/decision import\nid: DEC-2025-09-14-01\ntitle: [unclosed", "The decision log could not be read at line")]
    [InlineData("/decision import\nid: DEC-1\ntitle: EXPAND — X\nowner: o\nbudget_usd: 1\nstatus: Approved", "id \"DEC-1\" is not a decision id")]
    public async Task Bad_input_is_answered_and_nothing_is_logged(string command, string expected)
    {
        (await Playground.OneAsync("alice", command)).Text.Should().Contain(expected);

        (await Playground.OneAsync("lee", "/decision export")).Text.Should().Be("The decision log is empty.");
    }
}
