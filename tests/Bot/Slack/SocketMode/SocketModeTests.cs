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

    [Fact]
    public async Task A_button_pressed_on_a_card_arrives_as_an_interactive_envelope_and_edits_the_card()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        await SendCommandAsync("declare sev1 \"Checkout 5xx\"", "declare");
        var room = FakeSlack.ChannelId("inc-1-checkout-5xx");
        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == room);
        var envelope = Recorded("interactive-shortcut.json");
        envelope["payload"] = SlackButtons.Press(Alice, "incident.investigate", SlackButtons.Value(card, "incident.investigate"), room, ts: "1700000042.000100");

        await Slack.SocketMode.SendAsync(envelope.ToJsonString());

        (await Slack.SocketMode.WaitForAckAsync("57d6a792-4d35-4d0b-b6aa-3361493e1caf")).ContainsKey("payload").Should().BeFalse("an interaction's acknowledgement carries no answer");
        var update = await Slack.WaitForAsync("chat.update");
        (update.Text("channel"), update.Text("ts")).Should().Be((room, "1700000042.000100"));
        update.Body["blocks"]!.ToJsonString().Should().Contain("Investigating");
    }

    [Fact]
    public async Task An_envelope_whose_acknowledgement_was_lost_is_redelivered_and_applied_once()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        await SendCommandAsync("declare sev2 \"Checkout 5xx\"", "first");
        // Slack never saw that acknowledgement (the connection died with it): it sends the envelope again, on another connection.
        Slack.SocketMode.Abort(Slack.SocketMode.Open.First());
        await SendCommandAsync("declare sev2 \"Checkout 5xx\"", "first", retry: true);

        await SettledAsync();
        (await Playground.OneAsync("alice", "/incident list all")).Text.Should().Contain("INC-1").And.NotContain("INC-2");
        Slack.CallsTo("conversations.create").Count(c => c.Text("name")!.StartsWith("inc-", StringComparison.Ordinal)).Should().Be(1);
        await Slack.SocketMode.WaitForOpenAsync(2);
    }

    /// <summary>The recorded slash command as Alice typed it, sent down an open connection and acknowledged.</summary>
    private async Task<JsonObject> SendCommandAsync(string text, string envelopeId, bool retry = false)
    {
        var envelope = Recorded("slash_commands.json");
        var payload = envelope["payload"]!.AsObject();
        (payload["command"], payload["text"], payload["user_id"], envelope["envelope_id"]) = ("/incident", text, Alice, envelopeId);
        if (retry) (envelope["retry_attempt"], envelope["retry_reason"]) = (1, "timeout");
        var acked = Slack.SocketMode.Acks.Count(a => (string?)a.Ack["envelope_id"] == envelopeId);
        await Slack.SocketMode.SendAsync(envelope.ToJsonString(), Slack.SocketMode.Open.Last());
        return (await Eventually.Until(() => Task.FromResult(Slack.SocketMode.Acks.Where(a => (string?)a.Ack["envelope_id"] == envelopeId).ToList()),
            a => a.Count > acked, $"the ack of {envelopeId}")).Last().Ack;
    }
}
