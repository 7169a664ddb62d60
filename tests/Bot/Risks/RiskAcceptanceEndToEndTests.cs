using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Risks;

/// <summary>A risk acceptance approved from Slack, end to end: signed requests in, exactly what the fake Slack received out.</summary>
public sealed class SlackRiskAcceptanceTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";
    private const string Dana = "U01DANA001";

    [Fact]
    public async Task The_sponsor_approves_from_the_card_in_their_messages_and_the_requesters_press_is_refused()
    {
        (await Requests.CommandAsync(Alice, "/risk", "add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana", Slack.ResponseUrl("add"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var request = await Requests.CommandAsync(Alice, "/risk", "accept RISK-1 until:2026-12-02 reason:\"Second provider ships in Q1\"", Slack.ResponseUrl("accept"));
        var answer = (await request.Content.ReadFromJsonAsync<JsonObject>())!;
        ((string?)answer["response_type"]).Should().Be("ephemeral");

        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == Dana && c.Text("text")!.Contains("asks you to accept RISK-1"));
        SlackButtons.Of(card).Select(b => (string?)b["action_id"]).Should().Contain(["risk.acceptance.approve", "risk.acceptance.reject"]);
        var value = SlackButtons.Value(card, "risk.acceptance.approve");

        await Requests.InteractionAsync(SlackButtons.Press(Alice, "risk.acceptance.approve", value, Dana, ts: "1700000077.000100"));
        var refusal = await Slack.WaitForAsync("chat.postEphemeral", c => c.Text("user") == Alice);
        refusal.Text("text").Should().Contain("Only RISK-1's sponsor (dana) or a delegate may accept or reject this risk");
        Slack.CallsTo("chat.update").Should().BeEmpty();

        await Requests.InteractionAsync(SlackButtons.Press(Dana, "risk.acceptance.approve", value, Dana, ts: "1700000077.000100"));
        var update = await Slack.WaitForAsync("chat.update");
        update.Text("ts").Should().Be("1700000077.000100");
        update.Body["blocks"]!.ToJsonString().Should().Contain("Approved").And.Contain("Dana Okafor");
        SlackButtons.Of(update).Should().BeEmpty("the decision is on the card for everyone; nothing is left to press");
        BlockKitLimits.Violations(update.Body["blocks"]!.AsArray()).Should().BeEmpty();
    }
}

/// <summary>A risk acceptance approved from Teams, end to end: recorded activities in, with tokens from a test issuer; the card out to a fake Connector.</summary>
public sealed class TeamsRiskAcceptanceTests : TeamsBotTest
{
    private static JsonObject CardOf(FakeConnectorCall call) => (JsonObject)call.Body!["attachments"]![0]!["content"]!;

    [Fact]
    public async Task The_approver_sees_the_buttons_another_persons_press_is_refused_and_the_sponsors_press_approves()
    {
        (await PostAsync(Message("risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:bob sponsor:alice", BobAad))).StatusCode.Should().Be(HttpStatusCode.OK);
        var request = Message("risk accept RISK-1 until:2026-12-02 reason:\"Second provider ships in Q1\"", BobAad);
        (await PostAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Body?["attachments"]?[0]?["content"]?.ToJsonString().Contains("Accept RISK-1?") == true);
        var shared = CardOf(reply);
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", shared.ToJsonString()).IsValid.Should().BeTrue();
        var data = new JsonObject { ["risk"] = "RISK-1", ["about"] = "acceptance", ["number"] = "1", ["version"] = "2" };

        var forAlice = await (await PostAsync(Press("risk.refresh", (JsonObject)data.DeepClone(), AliceAad, "activity-9", automatic: true))).Content.ReadFromJsonAsync<JsonObject>();
        var forBob = await (await PostAsync(Press("risk.refresh", (JsonObject)data.DeepClone(), BobAad, "activity-9", automatic: true))).Content.ReadFromJsonAsync<JsonObject>();
        CardJson.Verbs((JsonObject)forAlice!["value"]!).Should().Contain(["risk.acceptance.approve", "risk.acceptance.reject"]);
        ((JsonObject)forBob!["value"]!)["actions"].Should().BeNull("only the sponsor sees the buttons");

        var refused = await (await PostAsync(Press("risk.acceptance.approve", (JsonObject)data.DeepClone(), BobAad, "activity-9"))).Content.ReadFromJsonAsync<JsonObject>();
        ((string?)refused!["value"]).Should().Contain("Only RISK-1's sponsor (alice)");
        Connector.Calls.Should().NotContain(c => c.HttpMethod == "PUT");

        var approved = await (await PostAsync(Press("risk.acceptance.approve", (JsonObject)data.DeepClone(), AliceAad, "activity-9"))).Content.ReadFromJsonAsync<JsonObject>();
        CardJson.Facts((JsonObject)approved!["value"]!).Should().Contain("State: Approved").And.Contain("Decided by: Alice Chen");
        var update = await Connector.WaitForAsync(c => c.HttpMethod == "PUT");
        update.Path.Should().EndWith("/activities/activity-9");
        CardJson.Facts(CardOf(update)).Should().Contain("State: Approved");
    }
}
