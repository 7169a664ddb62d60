using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Cards.Spend;
using ExecOps.Tests.Bot.Contracts;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>A spend mover explained from Slack, end to end: the weekly report's card in the owner's messages, the form's modal, the card updated.</summary>
public sealed class SlackSpendMoverTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";

    [Fact]
    public async Task The_owner_explains_a_mover_from_the_card_in_their_messages_and_the_card_shows_it()
    {
        await SpendDataSet.MoversWeekAsync(Bot, Playground);

        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == Alice && c.Text("text")!.StartsWith("service search moved +7,000.00 USD"));
        SlackButtons.Of(card).Select(b => (string?)b["action_id"]).Should().Equal(SpendActions.Explain);
        BlockKitLimits.Violations(card.Body["blocks"]!.AsArray()).Should().BeEmpty();
        var channel = await Slack.WaitForAsync("chat.postMessage", c => c.Text("text")!.StartsWith("Spend movers for 2026-W45"));
        SlackContractTests.Text(channel.Body["blocks"]!).Should().Contain("search · +7,000.00 (+200%), 3,500.00 → 10,500.00 · waiting for Alice Chen");
        BlockKitLimits.Violations(channel.Body["blocks"]!.AsArray()).Should().BeEmpty();

        await Requests.InteractionAsync(SlackButtons.Press(Alice, SpendActions.Explain, SlackButtons.Value(card, SpendActions.Explain), Alice, ts: "1700000077.000100"));
        var view = (JsonObject)(await Slack.WaitForAsync("views.open")).Body["view"]!;
        ((string?)view["callback_id"]).Should().Be(SpendActions.Explain);
        await Requests.InteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = Alice },
            ["view"] = new JsonObject
            {
                ["id"] = "V1", ["hash"] = "h1", ["callback_id"] = SpendActions.Explain, ["private_metadata"] = (string?)view["private_metadata"],
                ["state"] = new JsonObject { ["values"] = new JsonObject
                {
                    ["text"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Reindex after the schema change" } },
                    ["change"] = new JsonObject { ["change"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "CHG-1" } },
                } },
            },
        });

        var update = await Slack.WaitForAsync("chat.update");
        update.Text("ts").Should().Be("1700000077.000100");
        SlackContractTests.Text(update.Body["blocks"]!).Should().Contain("Reindex after the schema change").And.Contain("CHG-1").And.Contain("Alice Chen");
        BlockKitLimits.Violations(update.Body["blocks"]!.AsArray()).Should().BeEmpty();
    }
}

/// <summary>A spend mover explained from Teams: a recorded Action.Execute in, the card answered and updated, valid against the schema.</summary>
public sealed class TeamsSpendMoverTests : TeamsBotTest
{
    [Fact]
    public async Task The_owners_press_explains_the_mover_and_a_strangers_press_is_refused()
    {
        await SpendDataSet.MoversWeekAsync(Bot, Bot.Playground());
        var data = new JsonObject { ["mover"] = "2026-W45/service:search", ["text"] = "Reindex after the schema change", ["change"] = "" };

        var refused = await (await PostAsync(Press(SpendActions.Explain, (JsonObject)data.DeepClone(), BobAad, "activity-9"))).Content.ReadFromJsonAsync<JsonObject>();
        ((string?)refused!["value"]).Should().Contain("Only search's owner, whoever was asked, the FinOps lead or an admin may explain its spend");

        var saved = await (await PostAsync(Press(SpendActions.Explain, (JsonObject)data.DeepClone(), AliceAad, "activity-9"))).Content.ReadFromJsonAsync<JsonObject>();
        var card = (JsonObject)saved!["value"]!;
        CardJson.Facts(card).Should().Contain("Why: Reindex after the schema change").And.Contain("Explained by: Alice Chen");
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", card.ToJsonString()).Errors.Should().BeEmpty();
        (await Connector.WaitForAsync(c => c.HttpMethod == "PUT")).Path.Should().EndWith("/activities/activity-9");

        var message = Message("spend movers week:2026-W45", AliceAad);
        (await PostAsync(message)).StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Body?["replyToId"]?.ToString() == (string)message["id"]! && c.Body["attachments"]?[0]?["content"] is not null);
        var review = (JsonObject)reply.Body!["attachments"]![0]!["content"]!;
        SlackContractTests.Text(review).Should().Contain("explained by Alice Chen: Reindex after the schema change");
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", review.ToJsonString()).Errors.Should().BeEmpty();
    }
}
