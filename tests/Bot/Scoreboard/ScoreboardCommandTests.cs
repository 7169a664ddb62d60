using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>`/scoreboard` through the Playground, on data posted to the real intake. The test clock starts Monday 2026-11-02 09:00 UTC (2026-W45).</summary>
public sealed class ScoreboardCommandTests : BotTest
{
    private static readonly string[] Weeks = ["2026-W38", "2026-W39", "2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45"];

    private async Task UptimeTrendAsync()
    {
        double[] uptime = [99.95, 99.93, 99.92, 99.9, 99.8, 99.7, 99.4, 99.3];
        await Observations.StoreAsync(Playground.Http, Weeks.Zip(uptime).Select(p => (object)new { kpi = "uptime", period = p.First, value = p.Second }).ToArray());
        await Observations.StoreAsync(Playground.Http, new { kpi = "mttr", period = "2026-W44", value = 3.5 }, new { kpi = "mttr", period = "2026-W45", value = 6 });
    }

    private static IEnumerable<string> ButtonTitles(JsonObject card) => card["actions"]!.AsArray().Select(a => (string)a!["title"]!);

    private async Task<string> FactsAsync(string who, string command) => CardJson.Facts((await Playground.OneAsync(who, command)).Card!);

    [Fact]
    public async Task The_card_gives_each_KPI_of_the_last_complete_week_its_value_target_change_status_and_eight_week_trend()
    {
        await UptimeTrendAsync();

        var reply = await Playground.OneAsync("dana", "/scoreboard");

        var facts = CardJson.Facts(reply.Card!);
        facts.Should().Contain("🔴 Uptime (SLO): red · 99.4% · target 99.9% · ▼ −0.3 pp vs last week · ·███▇▆▅▁");
        facts.Should().Contain("🟢 MTTR: green · 3.5 h · target 4 h · no prior week · ·······▅");
        facts.Should().Contain("⚪ New ARR: unrated · no data · target $250k · no prior week · ········");
        reply.Text.Should().Contain("Executive Scoreboard · 2026-W44").And.Contain("Company · as of 2026-11-02 09:00 UTC");
        reply.Text.Should().Contain("Uptime (SLO): no commentary yet (owner: Alice Chen (SRE Lead))");
        reply.Text.Should().Contain("🔴 Stale data").And.Contain("New ARR (no data)");
        reply.Card!.ToJsonString().Should().Contain("/scoreboard/open?pass=").And.NotContain("week=2026-W44", "a link to the default week stays on the default when pinned");
    }

    [Fact]
    public async Task The_week_in_progress_is_shown_only_when_asked_and_compared_with_the_same_point_of_last_week()
    {
        await UptimeTrendAsync();

        var reply = await Playground.OneAsync("dana", "/scoreboard week:current");

        reply.Text.Should().Contain("Executive Scoreboard · 2026-W45");
        var facts = CardJson.Facts(reply.Card!);
        // A week's reading is stamped at its end, so a week ago the latest known was 2026-W43's 99.7%.
        facts.Should().Contain("🔴 Uptime (SLO): red · 99.3% · target 99.9% · ▼ −0.4 pp vs last week");
        facts.Should().Contain("🟡 MTTR: yellow · 6 h · target 4 h · no prior week", "a week ago no MTTR had been reported");
        reply.Card!.ToJsonString().Should().Contain("week=2026-W45", "a link to the week in progress names it");
    }

    [Fact]
    public async Task A_past_week_is_read_as_of_its_end()
    {
        await UptimeTrendAsync();

        (await FactsAsync("dana", "/scoreboard week:2026-W42")).Should().Contain("🟡 Uptime (SLO): yellow · 99.8% · target 99.9% · ▼ −0.1 pp vs last week");
    }

    [Fact]
    public async Task A_reading_older_than_the_trend_still_holds_until_a_newer_one()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "ndr", period = "2026-W30", value = 104 });

        (await FactsAsync("dana", "/scoreboard")).Should().Contain("🟡 Net Dollar Retention (NDR): yellow · 104% · target 110% · = 0 pp vs last week · ▅▅▅▅▅▅▅▅");
    }

    [Fact]
    public async Task The_weeks_releases_and_incidents_are_markers_on_the_card()
    {
        using var deploy = new HttpRequestMessage(HttpMethod.Post, "/api/timeline-events")
        {
            Content = new StringContent("""{"kind":"deploy","service":"payments","summary":"payments v2.3.1","source":"argo"}""", Encoding.UTF8, "application/json"),
        };
        deploy.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotFactory.TimelineToken);
        (await Playground.Http.SendAsync(deploy)).EnsureSuccessStatusCode();
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout latency\" service:payments");

        var text = (await Playground.OneAsync("dana", "/scoreboard week:current")).Text;

        text.Should().Contain("🚀 Mon 02 Nov: payments: payments v2.3.1").And.Contain("🚨 Mon 02 Nov: INC-1 Sev2 · Checkout latency (payments) · IC Alice Chen");
        (await Playground.OneAsync("dana", "/scoreboard week:2026-W44")).Text.Should().Contain("No releases or incidents recorded.");
    }

    [Fact]
    public async Task Roles_decide_which_KPIs_are_shown()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "new-arr", period = "2026-W44", value = 260000 }, new { kpi = "security-sla", period = "2026-W44", value = 97 });

        (await FactsAsync("dana", "/scoreboard")).Should().Contain("New ARR").And.Contain("Security Findings");
        var lee = await Playground.OneAsync("lee", "/scoreboard");
        CardJson.Facts(lee.Card!).Should().NotContain("New ARR").And.NotContain("Security").And.Contain("Uptime (SLO)");
        lee.Text.Should().Contain("5 KPI(s) are not shown");
        (await FactsAsync("bob", "/scoreboard")).Should().Contain("New ARR", "Bob owns it").And.NotContain("Security", "restricted KPIs are for execs, admins, owner and backup");
    }

    [Fact]
    public async Task Drilldown_goes_company_to_domain_to_service_or_team_and_back_up()
    {
        await Observations.StoreAsync(Playground.Http,
            new { kpi = "uptime", period = "2026-W44", value = 99.99, domain = "payments", service = "checkout" },
            new { kpi = "uptime", period = "2026-W44", value = 99.2, domain = "payments", team = "core" },
            new { kpi = "waa", period = "2026-W44", value = 310, domain = "payments", team = "core" });

        var company = await Playground.OneAsync("dana", "/scoreboard");
        company.Verbs.Should().Contain("scoreboard.view");
        var domain = (await Playground.ActionAsync("dana", company.MessageId, "scoreboard.view", company.ActionData("scoreboard.view"))).Should().ContainSingle().Subject;
        domain.Text.Should().Contain("Domain payments");
        ButtonTitles(domain.Card!).Should().Equal("⬆ Up", "service checkout", "team core", "Open the Executive Scoreboard");

        var team = await FactsAsync("dana", "/scoreboard core");
        team.Should().Contain("🔴 Uptime (SLO): red · 99.2%");
        team.Should().Contain("⚪ Weekly Active Accounts (WAA): unrated · 310 · company target n/a here", "an additive KPI's company target says nothing about one team");
        (await Playground.OneAsync("dana", "/scoreboard service:checkout")).Text.Should().Contain("Domain payments, service checkout");
    }

    [Fact]
    public async Task Segments_filter_the_scoreboard()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", period = "2026-W44", value = 99.5, region = "emea" }, new { kpi = "uptime", period = "2026-W44", value = 99.99 });

        (await FactsAsync("dana", "/scoreboard segment:emea")).Should().Contain("🟡 Uptime (SLO): yellow · 99.5%");
        (await FactsAsync("dana", "/scoreboard emea")).Should().Contain("🟡 Uptime (SLO): yellow · 99.5%");
        (await FactsAsync("dana", "/scoreboard")).Should().Contain("🟢 Uptime (SLO): green · 99.99%");
    }

    [Theory]
    [InlineData("/scoreboard narnia", "`narnia` is not a domain, service, team, segment or saved view I know", "Segments: icp, non-icp, enterprise, smb, na, emea, apac, latam")]
    [InlineData("/scoreboard segment:mars", "`segment:mars` is not a domain", "Segments:")]
    [InlineData("/scoreboard week:2026-W99", "`week:2026-W99` is not an ISO week", "week:2026-W44` (last week), or `week:current`")]
    [InlineData("/scoreboard week:2026-W50", "2026-W50 has not started yet", "this week is 2026-W45")]
    [InlineData("/scoreboard service:checkout", "`service:checkout` is not a domain", "Services: none yet")]
    public async Task Bad_input_is_answered_with_what_was_wrong_and_what_there_is(string command, string wrong, string hint)
    {
        var reply = await Playground.OneAsync("dana", command);

        reply.Card.Should().BeNull();
        reply.Text.Should().Contain(wrong).And.Contain(hint);
    }

    [Fact]
    public async Task A_saved_view_is_personal_and_shown_by_its_name()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", period = "2026-W44", value = 99.5, domain = "payments", region = "emea" });

        (await Playground.OneAsync("dana", "/scoreboard save pay-emea payments segment:emea")).Text.Should().Contain("Saved `pay-emea`: domain payments, region emea");
        (await Playground.OneAsync("dana", "/scoreboard pay-emea")).Text.Should().Contain("Domain payments, region emea");
        (await Playground.OneAsync("dana", "/scoreboard views")).Text.Should().Contain("`/scoreboard pay-emea`: domain payments, region emea");
        (await Playground.OneAsync("alice", "/scoreboard pay-emea")).Text.Should().Contain("`pay-emea` is not a domain", "views are personal");
        (await Playground.OneAsync("dana", "/scoreboard save complete")).Text.Should().Contain("cannot name a view");
    }
}
