using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>The Executive Scoreboard page over HTTP: signing in with the card's link, roles, audited views and exports, and bad links.</summary>
public sealed class ScoreboardPageTests : BotTest
{
    /// <summary>A browser of its own: keeps cookies, and stops at redirects so the test sees them.</summary>
    private HttpClient Browser() => Bot.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<string> LinkAsync(string who, string command = "/scoreboard")
    {
        var card = (await Playground.OneAsync(who, command)).Card!;
        var url = card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.OpenUrl")!["url"]!.GetValue<string>();
        return new Uri(url).PathAndQuery;
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return await unit.Audit.ListAsync("scoreboard");
    }

    [Fact]
    public async Task The_cards_link_signs_the_person_in_and_lands_on_the_stable_address_of_the_view()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", period = "2026-W44", value = 99.2, domain = "payments" }, new { kpi = "new-arr", period = "2026-W44", value = 100 });
        var browser = Browser();

        var open = await browser.GetAsync(await LinkAsync("dana", "/scoreboard payments week:2026-W44"));

        open.StatusCode.Should().Be(HttpStatusCode.Redirect);
        open.Headers.Location!.ToString().Should().Be("/scoreboard?domain=payments", "2026-W44 is the default, the last complete week, so the address stays on the default");
        open.Headers.GetValues("Set-Cookie").Single().Should().Contain("execops_scoreboard=").And.Contain("httponly").And.Contain("samesite=lax");
        (await browser.GetAsync("/scoreboard?domain=payments&week=2026-W44")).StatusCode.Should().Be(HttpStatusCode.OK);

        var data = JsonNode.Parse(await browser.GetStringAsync("/scoreboard/data?domain=payments&week=2026-W44"))!;
        ((string)data["viewer"]!["name"]!).Should().Be("Dana Okafor");
        ((string)data["sliceLabel"]!).Should().Be("domain payments");
        var uptime = data["kpis"]!.AsArray().Single(k => (string?)k!["id"] == "uptime")!;
        ((string)uptime["valueText"]!).Should().Be("99.2%");
        ((string)uptime["status"]!).Should().Be("red");
        uptime["trend"]!.AsArray().Should().HaveCount(8);
        (await AuditAsync()).Select(a => (a.Actor, a.Action, a.Outcome)).Should().Contain([("dana", "scoreboard.signin", "allowed"), ("dana", "scoreboard.view", "allowed")]);
    }

    [Fact]
    public async Task The_page_shows_only_what_the_persons_role_may_see_and_exports_are_audited()
    {
        await Observations.StoreAsync(Playground.Http, new { kpi = "new-arr", period = "2026-W44", value = 260000 }, new { kpi = "uptime", period = "2026-W44", value = 99.95 });
        var browser = Browser();
        await browser.GetAsync(await LinkAsync("lee"));

        var data = JsonNode.Parse(await browser.GetStringAsync("/scoreboard/data"))!;
        data["kpis"]!.AsArray().Select(k => (string)k!["id"]!).Should().NotContain("new-arr").And.Contain("uptime");
        ((int)data["hidden"]!).Should().Be(5);

        var export = await browser.GetAsync("/scoreboard/export.csv");
        export.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var csv = await export.Content.ReadAsStringAsync();
        csv.Should().StartWith("kpi,name,week,value,target,status,last_week,freshness,latest_data\n").And.Contain("uptime,Uptime (SLO),2026-W44,99.95,99.9,green,,").And.NotContain("new-arr");
        (await AuditAsync()).Should().Contain(a => a.Actor == "lee" && a.Action == "scoreboard.export" && a.Detail == "2026-W44 company");
    }

    [Fact]
    public async Task A_link_that_was_changed_is_refused_and_the_refusal_counted()
    {
        var link = await LinkAsync("dana");
        var tampered = link.Replace("pass=", "pass=x");

        var response = await Browser().GetAsync(tampered);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("This link is not one the bot made");
        (await AuditAsync()).Should().NotContain(a => a.Action == "scoreboard.signin", "an altered link names nobody, so it is counted, not written a row");
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Audit.AnonymousAsync()).Should().Equal(("scoreboard.signin", "2026-11-02T09:00", 1L));
    }

    [Fact]
    public async Task A_link_older_than_fifteen_minutes_has_expired()
    {
        var link = await LinkAsync("dana");
        Bot.Clock.Advance(TimeSpan.FromMinutes(15));

        var response = await Browser().GetAsync(link);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("This link has expired");
    }

    [Fact]
    public async Task Without_signing_in_the_page_says_how_to_and_the_data_is_closed()
    {
        var page = await Browser().GetAsync("/scoreboard?domain=payments");
        page.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Type /scoreboard in Slack or Teams");

        (await Browser().GetAsync("/scoreboard/data")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Browser().GetAsync("/scoreboard/export.csv")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_view_address_naming_something_unknown_is_answered_not_failed()
    {
        var browser = Browser();
        await browser.GetAsync(await LinkAsync("dana"));

        var response = await browser.GetAsync("/scoreboard/data?region=mars");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("`segment:mars` is not a domain, service, team, segment");
    }
}
