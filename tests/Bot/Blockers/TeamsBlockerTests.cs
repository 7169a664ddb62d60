using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Cards.Blockers;
using ExecOps.Tests.Bot.Contracts;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Blockers;

/// <summary>A blocker's card pressed in Teams: a recorded Action.Execute in, cleared by the team's lead, the card updated and valid; an old card's press answered with the card as it is now.</summary>
public sealed class TeamsBlockerTests : TeamsBotTest
{
    [Fact]
    public async Task The_teams_lead_unblocks_from_the_card_and_a_press_on_the_old_card_changes_nothing()
    {
        var opened = await Bot.Playground().OneAsync("alice", "/blocker \"Need a read replica\" on:data");
        var data = JsonNode.Parse(CardJson.DataOf(opened.Card!, BlockerActions.Unblock).ToJsonString())!.AsObject();
        data[BlockerActions.Note] = "Replica is up";

        var cleared = await (await PostAsync(Press(BlockerActions.Unblock, (JsonObject)data.DeepClone(), BobAad, "activity-7"))).Content.ReadFromJsonAsync<JsonObject>();
        var card = (JsonObject)cleared!["value"]!;
        SlackContractTests.Text(card).Should().Contain("Unblocked by Bob Martins").And.Contain("unblocked: Replica is up");
        CardJson.Verbs(card).Should().BeEmpty();
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", card.ToJsonString()).Errors.Should().BeEmpty();
        (await Connector.WaitForAsync(c => c.HttpMethod == "PUT")).Path.Should().EndWith("/activities/activity-7");

        var stale = await (await PostAsync(Press(BlockerActions.Unblock, (JsonObject)data.DeepClone(), AliceAad, "activity-8"))).Content.ReadFromJsonAsync<JsonObject>();
        // Refused as stale: Teams is answered with the blocker's card as it is now, and nothing happened twice.
        var current = (JsonObject)stale!["value"]!;
        SlackContractTests.Text(current).Should().Contain("Unblocked by Bob Martins");
        CardJson.Verbs(current).Should().BeEmpty();
        (await Bot.Playground().OneAsync("lee", "/blocker show BLK-1")).Card!.ToJsonString().Split("unblocked:").Should().HaveCount(2, "one unblock on the history");
    }
}
