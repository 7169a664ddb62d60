using System.Text.Json.Nodes;
using ExecOps.Bot.Slack.SocketMode;
using ExecOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Slack.SocketMode;

/// <summary>
/// The bot over Socket Mode only (an app-level token and a bot token, no signing secret) against the fake Socket Mode server,
/// driven by the recorded envelopes of tests/external/slack-socket-mode with this workspace's people put in.
/// </summary>
public sealed class SocketModeTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";

    protected override Dictionary<string, string?> Settings() => new() { ["Slack:SigningSecret"] = null, ["Slack:AppToken"] = "xapp-1-A111-test" };

    private static JsonObject Recorded(string file) => JsonNode.Parse(SharedExternal.Read($"slack-socket-mode/{file}"))!.AsObject();

    [Fact]
    public async Task A_slash_command_declares_an_incident_and_is_acknowledged_with_its_envelope_id_and_answer()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        (await Slack.WaitForAsync("apps.connections.open")).Authorization.Should().Be("Bearer xapp-1-A111-test", "the app-level token opens connections; the bot token posts");
        var envelope = Recorded("slash_commands.json");
        var payload = envelope["payload"]!.AsObject();
        (payload["command"], payload["text"], payload["user_id"]) = ("/incident", "declare sev2 \"Checkout 5xx\"", Alice);

        await Slack.SocketMode.SendAsync(envelope.ToJsonString());

        var ack = await Slack.SocketMode.WaitForAckAsync("1d3c79ab-0ffb-41f3-a080-d19e85f53649");
        ((string?)ack["payload"]!["text"]).Should().Contain("INC-1");
        await Slack.WaitForAsync("conversations.create", c => c.Text("name")!.StartsWith("inc-1-", StringComparison.Ordinal));
        (await Playground.OneAsync("alice", "/incident list")).Text.Should().Contain("INC-1");
        Bot.Services.GetRequiredService<SocketModeConnections>().Open.Should().Be(2);
        // Counted once the acknowledgement is sent, which the fake may see a moment before the count moves.
        var health = await Eventually.Until(async () => JsonNode.Parse(await Bot.CreateClient().GetStringAsync("/healthz"))!["slackSocketMode"]!,
            h => (long)h["acknowledged"]! == 1, "/healthz to count the acknowledgement");
        ((int)health["open"]!, (int)health["wanted"]!).Should().Be((2, 2));
    }

    [Fact]
    public async Task An_event_redelivered_on_another_connection_is_handled_once_and_both_are_acknowledged()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        var first = Recorded("events_api-app_mention.json");
        var again = Recorded("events_api-app_mention.json");
        (again["envelope_id"], again["retry_attempt"], again["retry_reason"]) = ("redelivered-1", 1, "timeout");
        var (one, two) = (Slack.SocketMode.Open.First(), Slack.SocketMode.Open.Last());

        await Slack.SocketMode.SendAsync(first.ToJsonString(), one);
        await Slack.SocketMode.SendAsync(again.ToJsonString(), two);

        await Slack.SocketMode.WaitForAckAsync("cda4159a-72a5-4744-aba3-4d66eb52682b");
        await Slack.SocketMode.WaitForAckAsync("redelivered-1");
        await Slack.WaitForAsync("chat.postEphemeral", c => c.Text("channel") == "C111");
        await SettledAsync();
        Slack.CallsTo("chat.postEphemeral").Should().ContainSingle();
    }

    [Fact]
    public async Task A_disconnect_opens_a_new_connection_and_what_comes_on_it_is_handled()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        var before = Slack.SocketMode.Connected;
        var asked = Slack.SocketMode.Open.First();

        await Slack.SocketMode.SendAsync(SharedExternal.Read("slack-socket-mode/disconnect-link_disabled.json"), asked);

        await Eventually.Until(() => Task.FromResult(Slack.SocketMode.Connected), n => n > before, "a new connection after the disconnect");
        await Slack.SocketMode.WaitForOpenAsync(2);
        Slack.SocketMode.Open.Should().NotContain(asked);
        Slack.CallsTo("apps.connections.open").Count.Should().BeGreaterThanOrEqualTo(3);
        var envelope = Recorded("slash_commands.json");
        (envelope["payload"]!["command"], envelope["payload"]!["text"], envelope["payload"]!["user_id"], envelope["envelope_id"]) = ("/incident", "list", Alice, "after-refresh");
        await Slack.SocketMode.SendAsync(envelope.ToJsonString(), Slack.SocketMode.Open.Max());
        ((string?)(await Slack.SocketMode.WaitForAckAsync("after-refresh"))["payload"]!["text"]).Should().NotBeNull();
    }
}
