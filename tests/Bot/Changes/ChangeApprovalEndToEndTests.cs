using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Changes;

/// <summary>A Tier 1 change approved from Slack, end to end: signed requests in, exactly what the fake Slack received out.</summary>
public sealed class SlackChangeApprovalTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";
    private const string Sam = "U01SAM0001";

    [Fact]
    public async Task The_service_approver_approves_from_the_card_in_their_messages_and_the_owners_press_is_refused()
    {
        (await Requests.CommandAsync(Alice, "/change", "new tier:1 service:payments \"Card vault v2\" scope:\"vault reads\" rollback:\"flip flag off\" metrics:\"error_rate<=0.5%\"", Slack.ResponseUrl("new")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == Sam && c.Text("text")!.Contains("asks for approval of CHG-1"));
        var value = SlackButtons.Value(card, "change.approve");

        await Requests.InteractionAsync(SlackButtons.Press(Alice, "change.approve", value, Sam, ts: "1700000099.000100"));
        (await Slack.WaitForAsync("chat.postEphemeral", c => c.Text("user") == Alice)).Text("text").Should().Contain("You (Alice Chen) cannot approve CHG-1");

        await Requests.InteractionAsync(SlackButtons.Press(Sam, "change.approve", value, Sam, ts: "1700000099.000100"));
        var update = await Slack.WaitForAsync("chat.update");
        update.Text("ts").Should().Be("1700000099.000100");
        update.Body["blocks"]!.ToJsonString().Should().Contain("Approved").And.Contain("Sam Alvarez");
        SlackButtons.Of(update).Should().BeEmpty();
    }
}

/// <summary>A Tier 1 change approved from Teams, end to end: only the approver's refresh shows the buttons; another person's press is refused.</summary>
public sealed class TeamsChangeApprovalTests : TeamsBotTest
{
    private static JsonObject CardOf(FakeConnectorCall call) => (JsonObject)call.Body!["attachments"]![0]!["content"]!;

    [Fact]
    public async Task The_approver_sees_the_buttons_and_approves_and_another_persons_press_is_refused()
    {
        (await PostAsync(Message("change new tier:1 service:search \"Index rebuild\" scope:\"all shards\" rollback:\"restore snapshot\" metrics:\"p95_latency_ms<=300\"", BobAad)))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Body?["attachments"]?[0]?["content"]?.ToJsonString().Contains("CHG-1") == true);
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", CardOf(reply).ToJsonString()).IsValid.Should().BeTrue();
        var data = new JsonObject { ["change"] = "CHG-1", ["version"] = "1" };

        var forAlice = await (await PostAsync(Press("change.refresh", (JsonObject)data.DeepClone(), AliceAad, "activity-3", automatic: true))).Content.ReadFromJsonAsync<JsonObject>();
        var forBob = await (await PostAsync(Press("change.refresh", (JsonObject)data.DeepClone(), BobAad, "activity-3", automatic: true))).Content.ReadFromJsonAsync<JsonObject>();
        CardJson.Verbs((JsonObject)forAlice!["value"]!).Should().Contain(["change.approve", "change.reject"]);
        ((JsonObject)forBob!["value"]!)["actions"].Should().BeNull("only the service's approver sees the buttons");

        var refused = await (await PostAsync(Press("change.approve", (JsonObject)data.DeepClone(), BobAad, "activity-3"))).Content.ReadFromJsonAsync<JsonObject>();
        ((string?)refused!["value"]).Should().Contain("You (Bob Martins) cannot approve CHG-1: it needs alice (search's approver)");

        var approved = await (await PostAsync(Press("change.approve", (JsonObject)data.DeepClone(), AliceAad, "activity-3"))).Content.ReadFromJsonAsync<JsonObject>();
        CardJson.Facts((JsonObject)approved!["value"]!).Should().Contain("State: Approved").And.Contain("service approver: Alice Chen");
        CardJson.Facts(CardOf(await Connector.WaitForAsync(c => c.HttpMethod == "PUT"))).Should().Contain("State: Approved");
    }
}
