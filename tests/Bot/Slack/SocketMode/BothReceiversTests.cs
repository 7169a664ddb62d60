using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Slack.SocketMode;

/// <summary>With a signing secret and an app-level token both set, the HTTP endpoints and Socket Mode both take commands, into one inbox.</summary>
public sealed class BothReceiversTests : SlackBotTest
{
    protected override Dictionary<string, string?> Settings() => new() { ["Slack:AppToken"] = "xapp-1-A111-test" };

    [Fact]
    public async Task A_command_over_HTTP_and_one_over_Socket_Mode_are_both_handled()
    {
        await Slack.SocketMode.WaitForOpenAsync(2);
        var response = await Requests.CommandAsync("U01ALICE01", "/incident", "declare sev3 \"Docs slow\"", Slack.ResponseUrl("http"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["text"]).Should().Contain("INC-1");

        var envelope = JsonNode.Parse(SharedExternal.Read("slack-socket-mode/slash_commands.json"))!.AsObject();
        (envelope["payload"]!["command"], envelope["payload"]!["text"], envelope["payload"]!["user_id"]) = ("/incident", "declare sev3 \"Search slow\"", "U01ALICE01");
        await Slack.SocketMode.SendAsync(envelope.ToJsonString());

        ((string?)(await Slack.SocketMode.WaitForAckAsync("1d3c79ab-0ffb-41f3-a080-d19e85f53649"))["payload"]!["text"]).Should().Contain("INC-2");
    }
}
