using System.Net.Http.Headers;
using System.Text;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Tests.Browser;

/// <summary>
/// The Executive Scoreboard page in headless Chromium, served by the bot as a real process: what a person
/// who presses the card's link sees once the page's script and Chart.js have run.
/// </summary>
public sealed class ScoreboardBrowserTests : IAsyncLifetime
{
    // The bot runs on the real clock, so the data is placed in the weeks around today.
    private static readonly IsoWeek Week = IsoWeek.Of(DateTimeOffset.UtcNow);

    private readonly TempDatabase database = new();
    private readonly BotProcess bot;

    public ScoreboardBrowserTests() => bot = new BotProcess(database.Path, new Dictionary<string, string>
    {
        ["Metrics__Token"] = BotFactory.MetricsToken,
        ["TimelineEvents__Token"] = BotFactory.TimelineToken,
    });

    public async Task InitializeAsync()
    {
        await bot.StartAsync();
        double[] uptime = [99.95, 99.93, 99.92, 99.9, 99.8, 99.7, 99.4, 99.3];
        await Observations.StoreAsync(bot.Http, uptime.Select((value, i) => (object)new { kpi = "uptime", period = Week.Minus(7 - i).ToString(), value }).ToArray());
        await Observations.StoreAsync(bot.Http,
            new { kpi = "uptime", period = Week.ToString(), value = 99.2, domain = "payments", team = "core" },
            new { kpi = "new-arr", period = Week.ToString(), value = 260000 });
        using var deploy = new HttpRequestMessage(HttpMethod.Post, "/api/timeline-events")
        {
            Content = new StringContent("""{"kind":"deploy","service":"payments","summary":"payments v2.3.1"}""", Encoding.UTF8, "application/json"),
        };
        deploy.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotFactory.TimelineToken);
        (await bot.Http.SendAsync(deploy)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        bot.Dispose();
        database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> LinkAsync(string who)
    {
        var card = (await bot.Playground.OneAsync(who, $"/scoreboard week:{Week}")).Card!;
        return card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.OpenUrl")!["url"]!.GetValue<string>();
    }

    /// <summary>The same link with one character of its pass changed, as a mistyped or forged link would be.</summary>
    private static string Tampered(string link)
    {
        var at = link.IndexOf("pass=", StringComparison.Ordinal) + "pass=".Length;
        return link[..at] + (link[at] == 'A' ? 'B' : 'A') + link[(at + 1)..];
    }

    [Fact]
    public async Task An_exec_sees_every_KPI_charted_the_red_uptime_and_stale_data_and_can_drill_down_to_a_domain()
    {
        var link = await LinkAsync("dana");

        var seen = Chromium.Visit<ScoreboardVisit>("scoreboard.mjs", new { link, drilldown = "domain payments", refused = Tampered(link) });

        var page = seen.Page;
        page.Viewer.Should().Be("Signed in as Dana Okafor");
        page.View.Should().StartWith($"{Week} · company · as of ");
        page.Kpis.Should().HaveCount(12).And.Contain("New ARR");
        page.ChartsDrawn.Should().Be(12, "every KPI card carries its eight-week chart");
        page.Statuses["uptime"].Should().Be("red");
        page.Statuses["new-arr"].Should().Be("green");
        page.Commentary.Should().Equal("No variance commentary yet.");
        page.Banner.Level.Should().Be("red");
        page.Banner.Text.Should().StartWith("🔴 Stale data").And.Contain("MTTR (no data)").And.NotContain("Uptime (SLO)");
        page.Markers.Should().ContainSingle().Which.Should().StartWith("🚀 ").And.EndWith("payments: payments v2.3.1");
        page.Drilldowns.Should().Equal("domain payments");

        var domain = seen.Drilldown!;
        domain.Url.Should().Be($"/scoreboard?domain=payments&week={Week}");
        domain.View.Should().StartWith($"{Week} · domain payments · as of ");
        domain.Drilldowns.Should().Equal("Up", "team core");
        domain.ChartsDrawn.Should().Be(12);

        seen.Refused!.Status.Should().Be(401);
        seen.Refused.Message.Should().StartWith("This link is not one the bot made");
        seen.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Someone_without_a_role_does_not_see_the_confidential_KPIs()
    {
        var seen = Chromium.Visit<ScoreboardVisit>("scoreboard.mjs", new { link = await LinkAsync("lee") });

        seen.Page.Viewer.Should().Be("Signed in as Lee Park");
        seen.Page.Kpis.Should().HaveCount(7).And.Contain("Uptime (SLO)").And.NotContain("New ARR");
        seen.Page.ChartsDrawn.Should().Be(7);
        seen.Page.Hidden.Should().Be("5 KPI(s) are classified above what your role may see.");
        seen.Errors.Should().BeEmpty();
    }
}
