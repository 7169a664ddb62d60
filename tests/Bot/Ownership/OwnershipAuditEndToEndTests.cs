using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Cards.Ownership;
using ExecOps.Tests.Bot.Contracts;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Ownership;

internal static class AuditClock
{
    public static readonly DateTimeOffset Opens = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    public static async Task OpenAsync(BotFactory bot)
    {
        await bot.ArmedAsync("rhythm/ownership-audit", r => r.DueAt == Opens);
        bot.Clock.Advance(Opens.AddMinutes(1) - bot.Clock.GetUtcNow());
        await bot.ArmedAsync("rhythm/ownership-audit", r => r.DueAt > Opens);
    }
}

/// <summary>The ownership audit's card in Slack: delivered to the owner's messages within Block Kit's limits, pressed, and updated in place.</summary>
public sealed class SlackOwnershipAuditTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";

    [Fact]
    public async Task The_owner_confirms_from_the_card_in_their_messages_and_the_card_shows_it()
    {
        await AuditClock.OpenAsync(Bot);

        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == Alice && c.Text("text")!.StartsWith("Ownership audit 2027-Q1"));
        SlackButtons.Of(card).Select(b => (string?)b["action_id"]).Should().Equal(OwnershipActions.Confirm);
        BlockKitLimits.Violations(card.Body["blocks"]!.AsArray()).Should().BeEmpty();

        await Requests.InteractionAsync(SlackButtons.Press(Alice, OwnershipActions.Confirm, SlackButtons.Value(card, OwnershipActions.Confirm), Alice, ts: "1700000088.000100"));

        var update = await Slack.WaitForAsync("chat.update");
        update.Text("ts").Should().Be("1700000088.000100");
        SlackContractTests.Text(update.Body["blocks"]!).Should().Contain("Confirmed by Alice Chen");
        SlackButtons.Of(update).Should().BeEmpty();
        BlockKitLimits.Violations(update.Body["blocks"]!.AsArray()).Should().BeEmpty();
    }
}

/// <summary>The ownership audit's card in Teams: a recorded Action.Execute in, the card answered and updated, valid against the schema.</summary>
public sealed class TeamsOwnershipAuditTests : TeamsBotTest
{
    [Fact]
    public async Task The_owners_press_confirms_and_someone_elses_press_on_their_card_is_refused()
    {
        await AuditClock.OpenAsync(Bot);
        var data = new JsonObject { [OwnershipActions.Quarter] = "2027-Q1", [OwnershipActions.Owner] = "alice" };

        var refused = await (await PostAsync(Press(OwnershipActions.Confirm, (JsonObject)data.DeepClone(), BobAad, "activity-4"))).Content.ReadFromJsonAsync<JsonObject>();
        ((string?)refused!["value"]).Should().Contain("This card asks alice to confirm what alice owns; you (Bob Martins) may not answer it for them.");

        var confirmed = await (await PostAsync(Press(OwnershipActions.Confirm, (JsonObject)data.DeepClone(), AliceAad, "activity-4"))).Content.ReadFromJsonAsync<JsonObject>();
        var card = (JsonObject)confirmed!["value"]!;
        SlackContractTests.Text(card).Should().Contain("Confirmed by Alice Chen").And.Contain("search (Search) · Tier 1");
        CardJson.Verbs(card).Should().BeEmpty();
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", card.ToJsonString()).Errors.Should().BeEmpty();
        (await Connector.WaitForAsync(c => c.HttpMethod == "PUT")).Path.Should().EndWith("/activities/activity-4");
    }
}
