using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Contracts;

/// <summary>Contracts and compliance from Slack: signed slash commands in, the incident card's clocks and the answers out within Block Kit limits.</summary>
public sealed class SlackContractTests : SlackBotTest
{
    /// <summary>The JSON as the text reads, with its · and emoji unescaped.</summary>
    internal static string Text(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private const string Alice = "U01ALICE01";
    private const string Priya = "U01PRIYA01";

    [Fact]
    public async Task The_incident_card_in_Slack_carries_both_clocks_and_Comms_records_a_notice_by_slash_command()
    {
        await ContractImports.PostAsync(Bot, ContractImports.Acme(), ContractImports.Globex());

        var declared = (await (await Requests.CommandAsync(Alice, "/incident", "declare sev1 \"Card payments failing\" service:payments", Slack.ResponseUrl("declare"))).Content.ReadFromJsonAsync<JsonObject>())!;
        var blocks = declared["blocks"]!.AsArray();
        Text(blocks).Should().Contain("ACME · notify by 13:00 UTC (4 h, CON-1) · ⏳ pending").And.Contain("Globex · notify by 11:00 UTC (2 h, CON-2) · ⏳ pending");
        BlockKitLimits.Violations(blocks).Should().BeEmpty();
        (await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == Priya && c.Text("text")!.Contains("notify Globex by"))).Should().NotBeNull();

        var notified = (await (await Requests.CommandAsync(Priya, "/incident", "notified INC-1 Globex", Slack.ResponseUrl("notified"))).Content.ReadFromJsonAsync<JsonObject>())!;
        Text(notified["blocks"]!).Should().Contain("Globex · notify by 11:00 UTC (2 h, CON-2) · notified 09:00 UTC by Priya Nair");
    }

    [Theory]
    [InlineData("/contract", "gaps", "CON-1 ACME · residency eu · Alice Chen by 2027-03-01")]
    [InlineData("/contract", "upcoming days:365", "2027-04-01 · CON-1 ACME (enterprise)")]
    [InlineData("/compliance", "status", "CTRL-1 Production changes to Tier 0/1 services are approved before they start · ")]
    [InlineData("/compliance", "vendor list", "No vendors yet.")]
    public async Task Contract_and_compliance_commands_answer_in_Slack_within_Block_Kit_limits(string command, string text, string expected)
    {
        await ContractImports.PostAsync(Bot, ContractImports.Acme());

        var response = await Requests.CommandAsync(Alice, command, text, Slack.ResponseUrl(text));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        ((string?)answer["response_type"]).Should().Be("ephemeral");
        Text(answer["blocks"]!).Should().Contain(expected);
        BlockKitLimits.Violations(answer["blocks"]!.AsArray()).Should().BeEmpty();
    }
}

/// <summary>Contracts and compliance from Teams: recorded message activities in, the Adaptive Card out to a fake Connector, valid against the schema.</summary>
public sealed class TeamsContractTests : TeamsBotTest
{
    [Theory]
    [InlineData("contract list", "CON-1 ACME (MSA-2026-014) · enterprise · ends 2027-06-30, notice by 2027-04-01")]
    [InlineData("compliance show CTRL-3", "Only its owner, backup, the CISO, auditors and admins see its evidence.")]
    public async Task Contract_and_compliance_commands_answer_in_Teams_with_a_valid_card(string text, string expected)
    {
        await ContractImports.PostAsync(Bot, ContractImports.Acme());

        var message = Message(text, BobAad);
        (await PostAsync(message)).StatusCode.Should().Be(HttpStatusCode.OK);

        // The reply to this message: the import also sent the contract's owner a card, which may come first.
        var reply = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Body?["replyToId"]?.ToString() == (string)message["id"]! && c.Body["attachments"]?[0]?["content"] is not null);
        var card = (JsonObject)reply.Body!["attachments"]![0]!["content"]!;
        SlackContractTests.Text(card).Should().Contain(expected);
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", card.ToJsonString()).Errors.Should().BeEmpty();
    }
}
