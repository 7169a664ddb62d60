using System.Text.Json.Nodes;
using ExecOps.Bot.Slack.SocketMode;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Slack.SocketMode;

/// <summary>Socket Mode frames read as Slack sends them: the recorded frames of tests/external/slack-socket-mode, verbatim.</summary>
public sealed class SocketModeMessageTests
{
    private static SocketModeMessage Read(string file) => SocketModeMessage.Read(SharedExternal.Read($"slack-socket-mode/{file}"));

    [Fact]
    public void Hello_says_how_many_connections_the_app_has_and_is_no_envelope()
    {
        var hello = Read("hello.json");

        (hello.Kind, hello.Connections, hello.IsEnvelope).Should().Be((SocketModeKind.Hello, 2, false));
    }

    [Theory]
    [InlineData("disconnect-too_many_websockets.json", "too_many_websockets")]
    [InlineData("disconnect-link_disabled.json", "link_disabled")]
    public void A_disconnect_carries_its_reason(string file, string reason)
    {
        var disconnect = Read(file);

        (disconnect.Kind, disconnect.DisconnectReason, disconnect.IsEnvelope).Should().Be((SocketModeKind.Disconnect, reason, false));
    }

    [Fact]
    public void A_slash_command_is_an_envelope_that_takes_its_answer_in_the_acknowledgement()
    {
        var command = Read("slash_commands.json");

        (command.Kind, command.EnvelopeId, command.AcceptsResponsePayload, command.RetryAttempt).Should().Be((SocketModeKind.SlashCommands, "1d3c79ab-0ffb-41f3-a080-d19e85f53649", true, 0));
        ((string?)command.Payload!["command"]).Should().Be("/hello-socket-mode");
        ((string?)command.Payload["trigger_id"]).Should().Be("111.222.xxx");
    }

    [Fact]
    public void An_event_and_its_redelivery_say_which_attempt_they_are()
    {
        var first = Read("events_api-app_mention.json");
        var again = Read("events_api-message-retry_attempt-1-timeout.json");

        (first.Kind, first.RetryAttempt, first.RetryReason, first.AcceptsResponsePayload).Should().Be((SocketModeKind.EventsApi, 0, (string?)null, false));
        ((string?)first.Payload!["event"]!["type"]).Should().Be("app_mention");
        ((string?)first.Payload["event_id"]).Should().Be("Ev111");
        (again.Kind, again.RetryAttempt, again.RetryReason).Should().Be((SocketModeKind.EventsApi, 1, "timeout"));
    }

    [Fact]
    public void An_interaction_is_an_envelope_whose_payload_is_what_the_interactions_endpoint_would_read()
    {
        var shortcut = Read("interactive-shortcut.json");

        (shortcut.Kind, shortcut.EnvelopeId, shortcut.AcceptsResponsePayload).Should().Be((SocketModeKind.Interactive, "57d6a792-4d35-4d0b-b6aa-3361493e1caf", false));
        ((string?)shortcut.Payload!["type"]).Should().Be("shortcut");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"events_api\",\"envelope_id\":\"a\",\"envelope_id\":\"b\"}")]
    [InlineData("{\"type\":\"something_new\"}")]
    public void A_frame_that_is_not_a_message_we_know_is_unknown(string frame) => SocketModeMessage.Read(frame).Kind.Should().Be(SocketModeKind.Unknown);

    [Fact]
    public void The_acknowledgement_sends_back_the_envelope_id_and_the_answer_where_there_is_one()
    {
        SocketModeMessage.Acknowledge("e-1").Should().Be("{\"envelope_id\":\"e-1\"}");
        JsonNode.Parse(SocketModeMessage.Acknowledge("e-2", new JsonObject { ["text"] = "INC-1 declared" }))!["payload"]!["text"]!.GetValue<string>().Should().Be("INC-1 declared");
    }
}
