using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExecOps.Bot.Playground;
using ExecOps.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace ExecOps.Tests.Bot.Playground;

/// <summary>
/// The Playground lets its user act as anyone, so it is a tool for this machine: its token, loopback
/// peers only, and off by default beside a real workspace.
/// </summary>
public sealed class PlaygroundAccessTests : BotTest
{
    public static TheoryData<string, string> Routes() => new()
    {
        { "GET", "/" }, { "GET", "/api/playground/people" }, { "POST", "/api/playground/commands" },
        { "POST", "/api/playground/actions" }, { "GET", "/api/playground/messages?to=ceo" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_the_token_every_Playground_route_answers_401(string method, string path)
    {
        var http = Bot.CreateClient();

        var response = await http.SendAsync(Request(method, path));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("?token=").And.NotContain(BotFactory.PlaygroundToken);
        (await Playground.OneAsync("ceo", "/breakglass list")).Text.Should().NotContain("BG-1");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task From_another_machine_every_Playground_route_answers_403_even_with_the_token(string method, string path)
    {
        var context = await Bot.Server.SendAsync(http => RemotePeer.Ask(http, method, path, BotFactory.PlaygroundToken));

        context.Response.StatusCode.Should().Be(StatusCodes.Status403Forbidden);
    }

    [Fact]
    public async Task The_link_with_the_token_signs_the_page_in_with_a_cookie_and_drops_the_token_from_the_address()
    {
        var http = Bot.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var opened = await http.GetAsync($"/?token={BotFactory.PlaygroundToken}");

        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        opened.Headers.Location!.OriginalString.Should().Be("/");
        opened.Headers.GetValues("Set-Cookie").Single().Should().Contain($"{PlaygroundGate.Cookie}=").And.Contain("httponly").And.Contain("samesite=strict");
        (await http.GetStringAsync("/")).Should().Contain("id=\"command\"");
        (await http.PostAsJsonAsync("/api/playground/commands", new { @as = "alice", text = "/help" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync("/?token=wrong")).StatusCode.Should().Be(HttpStatusCode.OK, "the cookie still holds; a wrong token in the address is ignored");
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent("""{"as":"ceo","text":"/breakglass service:payments reason:\"x\" duration:1h"}""", Encoding.UTF8, "application/json") : null };
}

internal static class RemotePeer
{
    /// <summary>Sets up a request as if it came from 203.0.113.7, another machine, through the real pipeline.</summary>
    public static void Ask(HttpContext http, string method, string path, string token)
    {
        http.Request.Method = method;
        var query = path.IndexOf('?');
        http.Request.Path = query < 0 ? path : path[..query];
        if (query >= 0) http.Request.QueryString = new QueryString(path[query..]);
        http.Request.Headers.Authorization = $"Bearer {token}";
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        if (method == "POST")
        {
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream("""{"as":"ceo","text":"/help"}"""u8.ToArray());
        }
    }
}

/// <summary>Where the Playground is on, and what it holds, beside Slack and Teams.</summary>
public sealed class PlaygroundPlacementTests
{
    [Theory]
    [InlineData("Slack:SigningSecret", "secret")]
    [InlineData("Teams:AppId", "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8")]
    public async Task With_Slack_or_Teams_configured_and_nothing_said_the_Playground_is_off(string key, string value)
    {
        using var database = new TempDatabase();
        using var bot = new BotFactory(database, settings: new() { [key] = value });

        (await bot.Playground().Http.GetAsync("/api/playground/people")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bot.Playground().Http.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Allowed_remote_peers_still_need_the_token()
    {
        using var database = new TempDatabase();
        using var bot = new BotFactory(database, settings: new() { ["Playground:AllowRemote"] = "true" });

        (await bot.Server.SendAsync(http => RemotePeer.Ask(http, "GET", "/api/playground/people", BotFactory.PlaygroundToken))).Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        (await bot.Server.SendAsync(http => RemotePeer.Ask(http, "GET", "/api/playground/people", "wrong"))).Response.StatusCode.Should().Be(StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public async Task Started_without_a_token_and_beyond_loopback_it_prints_a_fresh_token_and_warns()
    {
        using var database = new TempDatabase();
        using var bot = new BotProcess(database.Path, new Dictionary<string, string> { ["Playground__Token"] = "", ["Logging__LogLevel__Default"] = "Information" });
        using var open = new BotProcess(Path.Combine(database.Folder, "other.db"), new Dictionary<string, string> { ["Playground__Token"] = "" }, listenOn: "0.0.0.0");
        await bot.StartAsync();

        var link = System.Text.RegularExpressions.Regex.Match(bot.Output, @"The Playground is on: open (http://127\.0\.0\.1:\d+)/\?token=([A-Za-z0-9_-]+)");
        link.Success.Should().BeTrue(bot.Output);
        var token = link.Groups[2].Value;
        token.Should().NotBe(BotFactory.PlaygroundToken).And.HaveLength(32);
        using var http = new HttpClient { BaseAddress = new Uri(link.Groups[1].Value) };
        (await http.GetAsync("/api/playground/people")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await http.GetAsync("/api/playground/people")).StatusCode.Should().Be(HttpStatusCode.OK);
        bot.Output.Should().NotContain("beyond this machine");

        await open.StartAsync();
        open.Output.Should().Contain("beyond this machine").And.Contain("it refuses them unless Playground:AllowRemote is true");
    }
}
