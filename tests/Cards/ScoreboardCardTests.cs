using ExecOps.Cards.Kpis;
using ExecOps.Cards.Scoreboard;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;
using System.Text.Json.Nodes;
using ExecOps.Workflows.Storage;

namespace ExecOps.Tests.Cards;

/// <summary>The scoreboard's and the KPI catalog's cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class ScoreboardCardTests
{
    private static readonly PeopleDirectory People = TestCatalog.People;
    private static readonly KpiCatalog Catalog = TestCatalog.Catalog;
    private static readonly IsoWeek Week = IsoWeek.TryParse("2026-W47")!.Value;

    /// <summary>Every KPI red with long commentary, stale data, a month of markers and more drilldowns than fit.</summary>
    public static ScoreboardSnapshot Fullest()
    {
        var now = Week.Start.AddDays(3);
        var long_ = new string('x', 900);
        var lines = Catalog.Kpis.Select(k => new KpiLine(k, k.Target * 2, k.Target, KpiStatus.Red,
            Enumerable.Range(0, 8).Select(i => (decimal?)(k.Target + i)).ToList(), new Freshness(FreshnessLevel.Red, now.AddDays(-5), TimeSpan.FromDays(5)),
            new VarianceCommentary(long_, long_, new DateOnly(2026, 12, 1), "alice", now))).ToList();
        var releases = Enumerable.Range(0, 40).Select(i => new ReleaseMarker(now.AddHours(-i), $"service-{i}", $"v{i}.0 with a long summary {long_[..100]}", "argo")).ToList();
        var incidents = Enumerable.Range(1, 20).Select(i => new IncidentMarker($"INC-{i}", Severity.Sev2, $"Incident {i} {long_[..80]}", "payments", "alice", "config-change", now.AddHours(-i))).ToList();
        var drilldowns = Enumerable.Range(0, 30).Select(i => new Drilldown($"team team-{i}", new Slice(Domain: "payments", Team: $"team-{i}", Region: "emea"))).ToList();
        return new ScoreboardSnapshot(Week, new Slice(Domain: "payments", Region: "emea"), Enumerable.Range(0, 8).Select(i => Week.Minus(7 - i)).ToList(),
            lines, releases, incidents, drilldowns, Slice.Company, 0, false, now);
    }

    private static IEnumerable<(string Name, ExecOps.Cards.Card Card)> Cards()
    {
        yield return ("fullest scoreboard", ScoreboardCard.Build(Fullest(), People, "https://execops.example.com/scoreboard/open?pass=abc.def&domain=payments&region=emea&week=2026-W47"));
        var empty = Fullest() with { Lines = [], Releases = [], Incidents = [], Drilldowns = [], Up = null, Hidden = 12 };
        yield return ("empty scoreboard", ScoreboardCard.Build(empty, People, null));
        var review = new VarianceReviewData { Week = "2026-W47" };
        var prompt = new VariancePrompt { Kpi = "uptime", AskedOf = "sam", State = ExecOps.Workflows.Kernel.PromptState.BackupAsked };
        yield return ("open prompt", VariancePromptCard.Build((review, prompt, Catalog.Find("uptime")!), People));
        var answered = new VariancePrompt { Kpi = "uptime", AskedOf = "alice", State = ExecOps.Workflows.Kernel.PromptState.Answered, Commentary = new VarianceCommentary("cause", "action", new DateOnly(2026, 12, 1), "alice", Week.Start) };
        yield return ("answered prompt", VariancePromptCard.Build((review, answered, Catalog.Find("uptime")!), People));
        var rfc = new KpiChangeData
        {
            Id = "RFC-7", Kpi = "uptime", Changes = new() { ["target"] = "99.95", ["definition"] = new string('d', 1500) }, Before = new() { ["target"] = "99.9", ["definition"] = "old" },
            Impact = "impact", Validation = "validation", Migration = "migration", EffectiveOn = new DateOnly(2026, 12, 1), ProposedBy = "alice", ProposedAt = Week.Start,
        };
        yield return ("proposed KPI change", KpiChangeCard.Build(new KpiChange(rfc, 1, Week.Start), Catalog.Find("uptime")!, People));
        var decided = new KpiChangeData { Id = "RFC-8", Kpi = "uptime", State = KpiChangeState.Rejected, DecidedBy = "dana", DecidedAt = Week.Start, Reason = "not yet", ProposedBy = "alice" };
        yield return ("rejected KPI change", KpiChangeCard.Build(new KpiChange(decided, 2, Week.Start), Catalog.Find("uptime")!, People));
        yield return ("KPI with history", KpiCard.Build(Catalog.Find("uptime")!, Catalog, People, [rfc, decided]));
    }

    [Fact]
    public void Every_scoreboard_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_scoreboard_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void The_limits_check_itself_catches_what_Slack_would_refuse()
    {
        var field = new JsonObject { ["type"] = "mrkdwn", ["text"] = "f" };
        var blocks = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('h', 151) } },
            new JsonObject { ["type"] = "section", ["fields"] = new JsonArray(Enumerable.Range(0, 11).Select(_ => (JsonNode?)field.DeepClone()).ToArray()) });

        BlockKitLimits.Violations(blocks).Should().BeEquivalentTo(["block 0 header text is 151, the limit is 150", "block 1 fields is 11, the limit is 10"]);
    }

    [Fact]
    public void The_card_offers_at_most_eight_drilldowns_besides_up_and_the_page_link()
    {
        var card = ScoreboardCard.Build(Fullest(), People, "https://execops.example.com/scoreboard");

        card.Buttons.Should().HaveCount(1 + ScoreboardCard.MaxDrilldowns + 1);
        ExecOps.Cards.Rendering.PlainText.PlainTextRenderer.Render(card).Should().Contain("INC-1 Sev2 · Incident 1").And.Contain("(payments) · IC Person alice · RCA: config-change");
        card.Buttons[0].Title.Should().Be("⬆ Up");
    }
}
