using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Slack;

/// <summary>Incident command from Slack, end to end: signed requests in, and exactly what the fake Slack received out.</summary>
public sealed class SlackIncidentTests : SlackBotTest
{
    private const string Alice = "U01ALICE01";
    private const string Bob = "U01BOB0001";

    private async Task<(JsonObject Answer, FakeSlackCall RoomCard, string Room)> DeclareAsync()
    {
        var response = await Requests.CommandAsync(Alice, "/incident", "declare sev1 \"Checkout 5xx\" service:payments", Slack.ResponseUrl("declare"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        // Payments' own channel hears of it too (the ownership map's), so the room is the channel created for the incident.
        var created = await Slack.WaitForAsync("conversations.create", c => c.Text("name")!.StartsWith("inc-", StringComparison.Ordinal));
        created.Text("name").Should().Be("inc-1-checkout-5xx");
        var room = FakeSlack.ChannelId("inc-1-checkout-5xx");
        var card = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == room);
        return (answer, card, room);
    }

    private static JsonObject ButtonValue(FakeSlackCall message, string actionId) => SlackButtons.Value(message, actionId);

    private static IEnumerable<JsonNode> Buttons(FakeSlackCall message) => SlackButtons.Of(message);

    private static JsonObject Press(string user, string actionId, JsonObject value, string channel, string ts = "1700000000.000100", bool ephemeral = false) =>
        SlackButtons.Press(user, actionId, value, channel, ts, ephemeral);

    [Fact]
    public async Task Declaring_answers_at_once_and_opens_the_incident_channel_with_the_IC_in_it()
    {
        var (answer, card, room) = await DeclareAsync();

        ((string?)answer["response_type"]).Should().Be("in_channel");
        answer["blocks"]!.AsArray().First()!["text"]!["text"]!.ToString().Should().Contain("INC-1 · Sev1 · Checkout 5xx");
        var invite = await Slack.WaitForAsync("conversations.invite");
        invite.Text("channel").Should().Be(room);
        invite.Body["users"]!.ToString().Should().Contain(Alice);
        Buttons(card).Select(b => (string?)b["action_id"]).Should().Contain(["incident.investigate", "incident.resolve", "incident.update"]);
        var notice = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == Announcements);
        notice.Text("text").Should().Contain("INC-1 declared").And.Contain("#inc-1-checkout-5xx");
        notice.Body["blocks"].Should().BeNull("the announcement is a one-line notice; the card lives in the incident channel");
        (await Slack.WaitForAsync("response_url", timeout: TimeSpan.FromMilliseconds(300)).ContinueWith(t => t.IsFaulted)).Should().BeTrue("a fast command is answered in the HTTP response, not again later");
    }

    [Fact]
    public async Task Pressing_a_button_edits_that_card_in_place_for_everyone()
    {
        var (_, card, room) = await DeclareAsync();

        var response = await Requests.InteractionAsync(Press(Alice, "incident.investigate", ButtonValue(card, "incident.investigate"), room, ts: "1700000042.000100"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var update = await Slack.WaitForAsync("chat.update");
        update.Text("channel").Should().Be(room);
        update.Text("ts").Should().Be("1700000042.000100");
        update.Body["blocks"]!.ToJsonString().Should().Contain("Investigating");
        Buttons(update).Select(b => (string?)b["action_id"]).Should().NotContain("incident.investigate").And.Contain("incident.identify");
    }

    [Fact]
    public async Task A_press_by_someone_without_the_role_answers_them_alone_and_changes_nothing()
    {
        var (_, card, room) = await DeclareAsync();

        await Requests.InteractionAsync(Press(Bob, "incident.resolve", ButtonValue(card, "incident.resolve"), room));

        var refusal = await Slack.WaitForAsync("chat.postEphemeral");
        refusal.Text("user").Should().Be(Bob);
        refusal.Text("text").Should().Contain("Only its incident commander");
        Slack.CallsTo("chat.update").Should().BeEmpty();
        CardJson.Facts((await Playground.OneAsync("lee", "/incident show INC-1")).Card!).Should().Contain("State: Declared");
    }

    [Fact]
    public async Task A_form_button_opens_a_modal_whose_submission_posts_the_update()
    {
        var (_, card, room) = await DeclareAsync();

        await Requests.InteractionAsync(Press(Alice, "incident.update", ButtonValue(card, "incident.update"), room, ts: "1700000042.000100"));
        var opened = await Slack.WaitForAsync("views.open");
        var view = (JsonObject)opened.Body["view"]!;
        ((string?)view["callback_id"]).Should().Be("incident.update");

        await Requests.InteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = Alice },
            ["view"] = new JsonObject
            {
                ["id"] = "V1", ["hash"] = "h1", ["callback_id"] = "incident.update", ["private_metadata"] = (string?)view["private_metadata"],
                ["state"] = new JsonObject { ["values"] = new JsonObject { ["text"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Failing over to eu-central" } } } },
            },
        });

        var update = await Slack.WaitForAsync("chat.update");
        update.Text("ts").Should().Be("1700000042.000100");
        update.Body["blocks"]!.ToJsonString().Should().Contain("Failing over to eu-central");
        (await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == room && c.Text("text")!.Contains("update from Alice Chen"))).Should().NotBeNull();
    }

    [Fact]
    public async Task A_rate_limited_post_is_retried_after_its_Retry_After_and_arrives()
    {
        Slack.FailNext("chat.postMessage", 429, retryAfter: TimeSpan.FromSeconds(1));

        await Requests.CommandAsync(Alice, "/incident", "declare sev2 \"Search slow\"", Slack.ResponseUrl("declare"));
        // The declaration's posts go out on lanes of their own, so whichever is sent first is the one refused.
        var limited = await Slack.WaitForAsync("chat.postMessage");
        await Bot.RetryWaitingAsync(what: "the refused post to wait for its Retry-After");
        Bot.Clock.Advance(TimeSpan.FromSeconds(2));

        await Eventually.Until(() => Task.FromResult(Slack.CallsTo("chat.postMessage").Count(c => c.Text("channel") == limited.Text("channel") && c.Text("text") == limited.Text("text"))),
            n => n == 2, "the refused post's second attempt");
        var health = await Health.WhenRunningAsync(Bot.CreateClient());
        ((int)health!["outbox"]!["failed"]!).Should().Be(0);
        (await Playground.MessagesAsync("incidents")).Should().BeEmpty("beside Slack the Playground keeps no copy of what the workspace is sent");
    }

    [Fact]
    public async Task A_permanent_Slack_error_is_recorded_and_not_retried()
    {
        Slack.FailNext("chat.postMessage", 200, error: "channel_not_found");

        await Requests.CommandAsync(Alice, "/incident", "declare sev2 \"Search slow\"", Slack.ResponseUrl("declare"));
        await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") != Announcements);
        Bot.Clock.Advance(TimeSpan.FromHours(1));

        var health = await Eventually.Until(() => Health.ReadAsync(Bot.CreateClient()), h => (int)h!["outbox"]!["failed"]! == 1, "the failure to be recorded");
        ((string?)health!["outbox"]!["status"]).Should().Be("degraded");
        Slack.CallsTo("chat.postMessage").Count(c => c.Text("channel") == Announcements).Should().Be(1);
    }
}
