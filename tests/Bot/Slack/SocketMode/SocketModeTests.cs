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

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Slack:SigningSecret"] = null,
        ["Slack:AppToken"] = "xapp-1-A111-test",
        // Short, so a dead link shows within a test; Slack's own links are pinged every 10 seconds.
        ["Slack:SocketKeepAlive"] = "00:00:00.500",
    };

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
    public async Task A_refresh_requested_opens_a_new_connection_and_the_envelope_sent_just_before_it_is_still_acknowledged()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        var before = Slack.SocketMode.Connected;
        var opens = Slack.CallsTo("apps.connections.open").Count;
        var asked = Slack.SocketMode.Open.First();
        var inFlight = Recorded("slash_commands.json");
        (inFlight["payload"]!["command"], inFlight["payload"]!["text"], inFlight["payload"]!["user_id"], inFlight["envelope_id"]) = ("/incident", "declare sev3 \"Search slow\"", Alice, "before-refresh");

        await Slack.SocketMode.SendAsync(inFlight.ToJsonString(), asked);
        await Slack.SocketMode.SendAsync(Disconnect("refresh_requested"), asked);

        ((string?)(await Slack.SocketMode.WaitForAckAsync("before-refresh"))["payload"]!["text"]).Should().Contain("INC-1");
        Slack.SocketMode.Acks.Single(a => (string?)a.Ack["envelope_id"] == "before-refresh").Connection.Should().Be(asked, "it is acknowledged on its own connection before that one closes");
        await Eventually.Until(() => Task.FromResult(Slack.SocketMode.Connected), n => n > before, "a new connection after the refresh");
        await Slack.SocketMode.WaitForOpenAsync(2);
        Slack.SocketMode.Open.Should().NotContain(asked);
        Slack.CallsTo("apps.connections.open").Count.Should().Be(opens + 1);
        var after = Recorded("slash_commands.json");
        (after["payload"]!["command"], after["payload"]!["text"], after["payload"]!["user_id"], after["envelope_id"]) = ("/incident", "list", Alice, "after-refresh");
        await Slack.SocketMode.SendAsync(after.ToJsonString(), Slack.SocketMode.Open.Max());
        ((string?)(await Slack.SocketMode.WaitForAckAsync("after-refresh"))["payload"]!["text"]).Should().Contain("INC-1");
    }

    [Fact]
    public async Task A_warning_keeps_the_connection_carrying_envelopes()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        var warned = Slack.SocketMode.Open.First();

        await Slack.SocketMode.SendAsync(Disconnect("warning"), warned);
        await SendCommandAsync("list", "after-warning", warned);

        Slack.SocketMode.Acks.Single(a => (string?)a.Ack["envelope_id"] == "after-warning").Connection.Should().Be(warned);
        Slack.SocketMode.Open.Should().Contain(warned);
        Slack.SocketMode.Connected.Should().Be(2, "a warning is no reason to reconnect");
    }

    [Fact]
    public async Task Link_disabled_and_too_many_websockets_are_reported_in_healthz_with_what_to_do()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        var (one, two) = (Slack.SocketMode.Open.First(), Slack.SocketMode.Open.Last());

        await Slack.SocketMode.SendAsync(SharedExternal.Read("slack-socket-mode/disconnect-too_many_websockets.json"), one);
        var health = await Eventually.Until(Health, h => ((string?)h["lastProblem"])?.Contains("too_many_websockets") == true, "/healthz to name too_many_websockets");
        // Retried after a backoff, not at once, so two bots sharing one app token do not storm Slack.
        await Eventually.Until(() => Task.FromResult(Slack.SocketMode.Connected), n => n == 3, "the refused connection retried");

        await Slack.SocketMode.SendAsync(SharedExternal.Read("slack-socket-mode/disconnect-link_disabled.json"), two);
        health = await Eventually.Until(Health, h => ((string?)h["lastProblem"])!.Contains("link_disabled"), "/healthz to name link_disabled");
        ((string?)health["lastProblem"]).Should().Contain("turned off in the app's settings");
        ((string?)health["status"]).Should().Be("degraded");
        ((int)health["open"]!, (int)health["wanted"]!).Should().Be((1, 2));
    }

    [Fact]
    public async Task A_link_that_stops_answering_pings_is_replaced()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        Slack.SocketMode.StallNext = true;
        await Slack.SocketMode.SendAsync(Disconnect("refresh_requested"), Slack.SocketMode.Open.First());

        // The third connection is the stalled one; the fourth replaces it once its pings go unanswered.
        await Eventually.Until(() => Task.FromResult(Slack.SocketMode.Connected), n => n >= 4, "the dead link replaced");
        await Eventually.Until(Health, h => (string?)h["status"] == "ok" && (long)h["closed"]! >= 2, "/healthz to count the dead link closed and all connections open");
        await SendCommandAsync("list", "after-dead-link", Slack.SocketMode.Open.Max());
    }

    [Fact]
    public async Task A_refused_apps_connections_open_is_retried_with_backoff_and_a_bad_token_is_named_in_healthz()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        var before = Slack.SocketMode.Connected;
        Slack.FailNext("apps.connections.open", 503);
        Slack.FailNext("apps.connections.open", 200, "internal_error");
        await Slack.SocketMode.SendAsync(Disconnect("refresh_requested"), Slack.SocketMode.Open.First());

        await Eventually.Until(() => Task.FromResult(Slack.SocketMode.Connected), n => n > before, "a connection once Slack answers again");
        Slack.CallsTo("apps.connections.open").Count.Should().BeGreaterThanOrEqualTo(5, "two at start, two refused, one that worked");
        await Slack.SocketMode.WaitForOpenAsync(2);

        Slack.FailNext("apps.connections.open", 200, "invalid_auth");
        await Slack.SocketMode.SendAsync(Disconnect("refresh_requested"), Slack.SocketMode.Open.First());
        var health = await Eventually.Until(Health, h => ((string?)h["lastProblem"])?.Contains("invalid_auth") == true, "/healthz to name invalid_auth");
        ((string?)health["lastProblem"]).Should().NotContain("xapp-", "the token is never shown");
    }

    private async Task<JsonNode> Health() => JsonNode.Parse(await Bot.CreateClient().GetStringAsync("/healthz"))!["slackSocketMode"]!;

    /// <summary>The recorded disconnect with Slack's other reasons put in: the same shape, another `reason`.</summary>
    private static string Disconnect(string reason)
    {
        var message = Recorded("disconnect-link_disabled.json");
        message["reason"] = reason;
        return message.ToJsonString();
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
    private async Task<JsonObject> SendCommandAsync(string text, string envelopeId, int? connection = null, bool retry = false)
    {
        var envelope = Recorded("slash_commands.json");
        var payload = envelope["payload"]!.AsObject();
        (payload["command"], payload["text"], payload["user_id"], envelope["envelope_id"]) = ("/incident", text, Alice, envelopeId);
        if (retry) (envelope["retry_attempt"], envelope["retry_reason"]) = (1, "timeout");
        var acked = Slack.SocketMode.Acks.Count(a => (string?)a.Ack["envelope_id"] == envelopeId);
        await Slack.SocketMode.SendAsync(envelope.ToJsonString(), connection ?? Slack.SocketMode.Open.Last());
        return (await Eventually.Until(() => Task.FromResult(Slack.SocketMode.Acks.Where(a => (string?)a.Ack["envelope_id"] == envelopeId).ToList()),
            a => a.Count > acked, $"the ack of {envelopeId}")).Last().Ack;
    }
}
