using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.EndToEnd;

/// <summary>
/// The bot's own binary on Socket Mode only (an app-level token and a bot token, no signing secret) against the fake Socket
/// Mode server: a slash command, a button press and an event end to end; then the process killed with an envelope in flight,
/// which the fake redelivers to the restarted bot, and which is applied once.
/// </summary>
public sealed class SocketModeProcessTests : IAsyncLifetime
{
    private const string Alice = "U01ALICE01";
    private readonly TempDatabase database = new();
    private FakeSlack slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlack.StartAsync();

    private Dictionary<string, string> Settings => new()
    {
        ["Slack__AppToken"] = "xapp-1-A111-test", ["Slack__BotToken"] = "xoxb-test-token", ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
    };

    private static JsonObject Command(string text, string envelopeId, int retry = 0)
    {
        var envelope = JsonNode.Parse(SharedExternal.Read("slack-socket-mode/slash_commands.json"))!.AsObject();
        var payload = envelope["payload"]!.AsObject();
        // Slack gives every invocation its own trigger_id; the recorded one is reused by each command otherwise.
        (payload["command"], payload["text"], payload["user_id"], payload["trigger_id"], envelope["envelope_id"]) = ("/incident", text, Alice, $"trigger-{envelopeId}", envelopeId);
        if (retry > 0) (envelope["retry_attempt"], envelope["retry_reason"]) = (retry, "timeout");
        return envelope;
    }

    [Fact]
    public async Task Over_Socket_Mode_alone_a_command_a_button_and_an_event_work_and_a_kill_mid_envelope_is_applied_once_after_restart()
    {
        using (var first = new BotProcess(database.Path, Settings))
        {
            await first.StartAsync();
            await slack.SocketMode.WaitForOpenAsync(2);
            await slack.SocketMode.SendAsync(Command("declare sev1 \"Checkout 5xx\"", "e-declare").ToJsonString());
            ((string?)(await slack.SocketMode.WaitForAckAsync("e-declare"))["payload"]!["text"]).Should().Contain("INC-1");

            var room = FakeSlack.ChannelId("inc-1-checkout-5xx");
            var card = await slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == room);
            var press = JsonNode.Parse(SharedExternal.Read("slack-socket-mode/interactive-shortcut.json"))!.AsObject();
            press["payload"] = SlackButtons.Press(Alice, "incident.investigate", SlackButtons.Value(card, "incident.investigate"), room, ts: "1700000042.000100");
            await slack.SocketMode.SendAsync(press.ToJsonString());
            (await slack.WaitForAsync("chat.update")).Body["blocks"]!.ToJsonString().Should().Contain("Investigating");

            await slack.SocketMode.SendAsync(SharedExternal.Read("slack-socket-mode/events_api-app_mention.json"));
            await slack.WaitForAsync("chat.postEphemeral", c => c.Text("channel") == "C111");

            // Killed the moment the envelope is sent: before it is taken in, or after and before or after its acknowledgement
            // left (the order is the kernel's). Slack, not knowing, sends it again; either way it must be applied exactly once.
            await slack.SocketMode.SendAsync(Command("declare sev2 \"Refunds failing\"", "e-killed").ToJsonString());
            first.Kill();
        }

        using var second = new BotProcess(database.Path, Settings);
        await second.StartAsync();
        await slack.SocketMode.WaitForOpenAsync(2);
        await slack.SocketMode.SendAsync(Command("declare sev2 \"Refunds failing\"", "e-killed", retry: 1).ToJsonString());
        await slack.SocketMode.WaitForAckAsync("e-killed");

        // A command past the answer budget (a cold process) is acknowledged first and run just after, so wait for it.
        var list = await Eventually.Until(async () => (await second.Playground.OneAsync("lee", "/incident list all")).Text, l => l.Contains("INC-2"), "the redelivered command to run");
        list.Should().Contain("INC-1 · Sev1").And.Contain("INC-2 · Sev2 · Declared · Refunds failing").And.NotContain("INC-3");
        await second.Playground.HearsAsync("#incidents", "INC-2 declared");
        (await second.Playground.OneAsync("lee", "/incident list all")).Text.Should().NotContain("INC-3", "the redelivery ran once, after its first delivery was lost or taken in");
    }

    public async Task DisposeAsync()
    {
        await slack.DisposeAsync();
        database.Dispose();
    }
}
