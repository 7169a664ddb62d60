using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>The dry run and the audit pack from Slack: the owner's card pressed in their messages, the pack's links in the answer.</summary>
public sealed class SlackComplianceTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";
    private const string Ceo = "U01CEO0001";

    [Fact]
    public async Task The_owner_confirms_the_dry_run_from_the_card_in_their_Slack_messages()
    {
        await Bot.ArmedAsync(ComplianceReminders.DryRunKey);
        Bot.Clock.Advance(new DateTimeOffset(2027, 1, 1, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == Alice && c.Text("text")!.StartsWith("Internal audit dry run 2027-Q1: does CTRL-4 "));
        SlackButtons.Of(card).Select(b => (string?)b["action_id"]).Should().Equal("compliance.dryrun.confirm", "compliance.dryrun.finding");
        BlockKitLimits.Violations(card.Body["blocks"]!.AsArray()).Should().BeEmpty();

        await Requests.InteractionAsync(SlackButtons.Press(Alice, "compliance.dryrun.confirm", SlackButtons.Value(card, "compliance.dryrun.confirm"), Alice, ts: "1700000099.000100"));

        var update = await Slack.WaitForAsync("chat.update");
        update.Text("ts").Should().Be("1700000099.000100");
        update.Body["blocks"]!.ToJsonString().Should().Contain("Confirmed").And.Contain("Alice Chen");
        SlackButtons.Of(update).Should().BeEmpty();
    }

    [Fact]
    public async Task An_exec_drafts_the_audit_pack_in_Slack_and_gets_a_link_per_file()
    {
        var response = await Requests.CommandAsync(Ceo, "/compliance", "pack SOC 2", Slack.ResponseUrl("pack"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        ((string?)answer["response_type"]).Should().Be("ephemeral");
        var links = answer["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Where(e => (string?)e!["type"] == "button" && e["url"] is not null).ToList();
        links.Select(l => (string)l!["text"]!["text"]!).Should().Equal("audit-pack.md", "controls.csv", "evidence.csv", "exceptions.csv", "vendors.csv", "findings.csv");
        BlockKitLimits.Violations(answer["blocks"]!.AsArray()).Should().BeEmpty();
    }
}

/// <summary>Evidence and the vendor register from Teams: recorded message activities in, the answer out to a fake Connector.</summary>
public sealed class TeamsComplianceTests : TeamsBotTest
{
    [Fact]
    public async Task An_owner_records_evidence_and_adds_a_vendor_from_Teams()
    {
        (await PostAsync(Message("compliance evidence CTRL-4 https://idp.example.com/reports/mfa-2026-11", AliceAad))).StatusCode.Should().Be(HttpStatusCode.OK);
        var recorded = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Body?["text"]?.ToString().StartsWith("Recorded CTRL-4 evidence #1") == true);
        recorded.Body!["text"]!.ToString().Should().Contain($"sha256 {NewEvidence.Hash("https://idp.example.com/reports/mfa-2026-11")}");

        (await PostAsync(Message("compliance vendor add \"Acme Mail\" region:eu data:sensitive dpa:no review:2027-06-01", BobAad))).StatusCode.Should().Be(HttpStatusCode.OK);
        // The vendor's card, not the raised risk's (its owner is told of that too, and it names VEN-1).
        var added = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Body?["summary"]?.ToString() == "VEN-1 · Acme Mail");
        var card = (JsonObject)added.Body!["attachments"]![0]!["content"]!;
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", card.ToJsonString()).Errors.Should().BeEmpty();
        CardJson.Facts(card).Should().Contain("Raised as: RISK-1");
    }
}
