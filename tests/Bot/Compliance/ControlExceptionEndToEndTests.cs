using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>An exception to a control approved from Slack, end to end: signed requests in, exactly what the fake Slack received out.</summary>
public sealed class SlackControlExceptionTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";
    private const string Dana = "U01DANA001";

    [Fact]
    public async Task The_owners_manager_approves_from_the_card_in_their_messages_and_the_requesters_press_is_refused()
    {
        var request = await Requests.CommandAsync(Alice, "/compliance", "exception CTRL-4 until:2026-12-31 compensating:\"Hardware keys for admins\" reason:\"IdP migration\"", Slack.ResponseUrl("exception"));
        request.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string?)(await request.Content.ReadFromJsonAsync<JsonObject>())!["response_type"]).Should().Be("ephemeral");

        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == Dana && c.Text("text")!.Contains("asks you to approve an exception to CTRL-4"));
        SlackButtons.Of(card).Select(b => (string?)b["action_id"]).Should().Equal("compliance.exception.approve", "compliance.exception.reject");
        BlockKitLimits.Violations(card.Body["blocks"]!.AsArray()).Should().BeEmpty();
        var value = SlackButtons.Value(card, "compliance.exception.approve");

        await Requests.InteractionAsync(SlackButtons.Press(Alice, "compliance.exception.approve", value, Dana, ts: "1700000088.000100"));
        (await Slack.WaitForAsync("chat.postEphemeral", c => c.Text("user") == Alice)).Text("text").Should().Contain("an approver other than the requester");
        Slack.CallsTo("chat.update").Should().BeEmpty();

        await Requests.InteractionAsync(SlackButtons.Press(Dana, "compliance.exception.approve", value, Dana, ts: "1700000088.000100"));
        var update = await Slack.WaitForAsync("chat.update");
        update.Text("ts").Should().Be("1700000088.000100");
        update.Body["blocks"]!.ToJsonString().Should().Contain("Approved").And.Contain("Dana Okafor");
        SlackButtons.Of(update).Should().BeEmpty();
        BlockKitLimits.Violations(update.Body["blocks"]!.AsArray()).Should().BeEmpty();
    }
}

/// <summary>An exception approved from Teams: recorded activities in, with tokens from a test issuer; the card out to a fake Connector.</summary>
public sealed class TeamsControlExceptionTests : TeamsBotTest
{
    /// <summary>Alice reports to Bob here, so both ends of the approval are people the recorded activities can be.</summary>
    protected override IReadOnlyDictionary<string, string?> MoreSettings { get; } = new Dictionary<string, string?> { ["People:2:ReportsTo"] = "bob" };

    private static JsonObject CardOf(FakeConnectorCall call) => (JsonObject)call.Body!["attachments"]![0]!["content"]!;

    [Fact]
    public async Task Only_the_approver_sees_the_buttons_the_requesters_press_is_refused_and_the_approvers_press_approves()
    {
        (await PostAsync(Message("compliance exception CTRL-3 until:2026-12-31 compensating:\"Monthly spot checks\" reason:\"HR system cut-over\"", AliceAad))).StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Body?["attachments"]?[0]?["content"]?.ToJsonString().Contains("Exception to CTRL-3?") == true);
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", CardOf(reply).ToJsonString()).IsValid.Should().BeTrue();
        var data = new JsonObject { ["control"] = "CTRL-3", ["exception"] = "1", ["version"] = "1" };

        var forAlice = await (await PostAsync(Press("compliance.refresh", (JsonObject)data.DeepClone(), AliceAad, "activity-7", automatic: true))).Content.ReadFromJsonAsync<JsonObject>();
        var forBob = await (await PostAsync(Press("compliance.refresh", (JsonObject)data.DeepClone(), BobAad, "activity-7", automatic: true))).Content.ReadFromJsonAsync<JsonObject>();
        ((JsonObject)forAlice!["value"]!)["actions"].Should().BeNull("only the approver sees the buttons");
        CardJson.Verbs((JsonObject)forBob!["value"]!).Should().Equal("compliance.exception.approve", "compliance.exception.reject");

        var refused = await (await PostAsync(Press("compliance.exception.approve", (JsonObject)data.DeepClone(), AliceAad, "activity-7"))).Content.ReadFromJsonAsync<JsonObject>();
        ((string?)refused!["value"]).Should().Contain("that needs the approver named on the request");
        Connector.Calls.Should().NotContain(c => c.HttpMethod == "PUT");

        var approved = await (await PostAsync(Press("compliance.exception.approve", (JsonObject)data.DeepClone(), BobAad, "activity-7"))).Content.ReadFromJsonAsync<JsonObject>();
        CardJson.Facts((JsonObject)approved!["value"]!).Should().Contain("State: Approved").And.Contain("Decided by: Bob Martins");
        var update = await Connector.WaitForAsync(c => c.HttpMethod == "PUT");
        update.Path.Should().EndWith("/activities/activity-7");
        CardJson.Facts(CardOf(update)).Should().Contain("State: Approved");
    }
}
