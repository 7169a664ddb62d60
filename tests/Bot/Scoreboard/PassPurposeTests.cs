using System.Net;
using ExecOps.Bot.Scoreboard;
using ExecOps.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>
/// Three kinds of pass, each under its own Data Protection purpose: a scoreboard link, a report link,
/// and the page's session cookie. Each is refused wherever another is expected, and all outlive a restart.
/// </summary>
public sealed class PassPurposeTests : BotTest
{
    private const string Packet = "/reports/board-packet-2026-11-v1/board_packet_2026-11.md";

    private HttpClient Browser() => Bot.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<string> ScoreboardLinkAsync() => PassOf(CardJson.OpenUrls((await Playground.OneAsync("ceo", "/scoreboard")).Card!).Single());

    private async Task<string> ReportLinkAsync() => PassOf(CardJson.OpenUrls((await Playground.OneAsync("ceo", "/boardpacket")).Card!).Single());

    private async Task<string> SessionAsync(string scoreboardPass)
    {
        var opened = await Browser().GetAsync($"/scoreboard/open?pass={scoreboardPass}");
        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return opened.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=', 2)[1];
    }

    private static string PassOf(string url) => url[(url.IndexOf("pass=", StringComparison.Ordinal) + 5)..].Split('&')[0];

    private Task<HttpResponseMessage> PageAsync(string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/scoreboard/data");
        request.Headers.Add("Cookie", $"{ScoreboardPage.SessionCookie}={session}");
        return Browser().SendAsync(request);
    }

    [Fact]
    public async Task A_scoreboard_link_opens_the_scoreboard_only()
    {
        var link = await ScoreboardLinkAsync();
        await ReportLinkAsync();

        (await Browser().GetAsync($"{Packet}?pass={link}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a scoreboard link is not a report link");
        (await PageAsync(link)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a link is not a session");
        (await Browser().GetAsync($"/scoreboard/open?pass={link}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_report_link_opens_its_report_only()
    {
        var link = await ReportLinkAsync();

        (await Browser().GetAsync($"/scoreboard/open?pass={link}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a report's 24-hour link does not sign in to the scoreboard");
        (await PageAsync(link)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Browser().GetAsync($"{Packet}?pass={link}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_session_is_a_session_only()
    {
        var session = await SessionAsync(await ScoreboardLinkAsync());
        await ReportLinkAsync();

        (await Browser().GetAsync($"/scoreboard/open?pass={session}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Browser().GetAsync($"{Packet}?pass={session}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PageAsync(session)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Links_and_sessions_outlive_a_restart_because_the_key_ring_is_kept_beside_the_database()
    {
        var link = await ScoreboardLinkAsync();
        var report = await ReportLinkAsync();
        var session = await SessionAsync(await ScoreboardLinkAsync());
        Bot.Dispose();

        using var again = new BotFactory(Database);
        var browser = again.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        (await browser.GetAsync($"/scoreboard/open?pass={link}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetAsync($"{Packet}?pass={report}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var request = new HttpRequestMessage(HttpMethod.Get, "/scoreboard/data");
        request.Headers.Add("Cookie", $"{ScoreboardPage.SessionCookie}={session}");
        (await browser.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        Directory.EnumerateFiles(Path.Combine(Database.Folder, "keys"), "key-*.xml").Should().NotBeEmpty();
    }
}
