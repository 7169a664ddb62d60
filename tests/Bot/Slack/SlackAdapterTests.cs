using System.Net;
using System.Text;
using ExecOps.Bot.Slack;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Slack;

/// <summary>How the adapter finds people, and how it keeps what it acknowledged.</summary>
public sealed class SlackAdapterTests : SlackBotTest
{
    [Fact]
    public async Task A_Slack_user_unknown_by_id_is_found_by_their_email_and_looked_up_once()
    {
        Slack.AddUser("U0NEWALICE", "alice.chen@example.com", "Alice Chen");

        await Requests.CommandAsync("U0NEWALICE", "/incident", "declare sev3 \"Docs slow\"", Slack.ResponseUrl("a"));
        await Requests.CommandAsync("U0NEWALICE", "/incident", "investigate", Slack.ResponseUrl("b"));

        CardJson.Facts((await Playground.OneAsync("lee", "/incident show INC-1")).Card!).Should().Contain("Incident commander: Alice Chen").And.Contain("State: Investigating");
        Slack.CallsTo("users.info").Should().ContainSingle().Which.Text("user").Should().Be("U0NEWALICE");
    }

    [Fact]
    public async Task Someone_Slack_cannot_place_may_read_but_not_act()
    {
        var list = await Requests.CommandAsync("U0STRANGER", "/incident", "list", Slack.ResponseUrl("a"));
        var declare = await Requests.CommandAsync("U0STRANGER", "/incident", "declare sev2 \"x\"", Slack.ResponseUrl("b"));

        (await list.Content.ReadAsStringAsync()).Should().Contain("No open incidents");
        (await declare.Content.ReadAsStringAsync()).Should().Contain("not in the ExecOps directory");
    }

    [Fact]
    public async Task An_event_acknowledged_just_before_a_crash_is_handled_by_the_sweep()
    {
        var payload = SharedExternal.Read("slack/event-callback-message.json");
        var store = Bot.Services.GetRequiredService<Store>();
        await store.WriteAsync(u => u.Inbox.AcceptAsync(SlackEventHandler.Kind, "event/eventId", payload));
        Bot.Clock.Advance(TimeSpan.FromMinutes(1));

        var swept = await Bot.Services.GetRequiredService<SlackInbox>().SweepAsync();

        swept.Should().Be(1);
        (await Slack.WaitForAsync("chat.postMessage")).Text("channel").Should().Be("channelId");
        (await Requests.EventAsync(payload)).StatusCode.Should().Be(HttpStatusCode.OK);
        await SettledAsync();
        Slack.CallsTo("chat.postMessage").Should().ContainSingle("the redelivered event was already taken in");
    }

    [Fact]
    public async Task Without_a_signing_secret_the_Slack_endpoints_say_Slack_is_not_configured()
    {
        using var database = new TempDatabase();
        using var plain = new BotFactory(database);

        var response = await plain.CreateClient().PostAsync("/api/slack/commands", new StringContent("command=%2Fincident", Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Slack:SigningSecret");
    }
}
