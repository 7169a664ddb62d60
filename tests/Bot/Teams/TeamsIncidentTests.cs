using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Teams;

/// <summary>Incident command from Teams, end to end: recorded activities in, with tokens from a test issuer; replies and updates out to a fake Connector.</summary>
public sealed class TeamsIncidentTests : TeamsBotTest
{
    private const string ChannelThread = "19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856";

    private static JsonObject CardOf(FakeConnectorCall call) => (JsonObject)call.Body!["attachments"]![0]!["content"]!;

    private async Task<(FakeConnectorCall Reply, JsonObject Card)> DeclareAsync()
    {
        var message = Message("incident declare sev1 \"Checkout 5xx\" service:payments");
        (await PostAsync(message)).StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Path == $"/v3/conversations/{ChannelThread}/activities/{message["id"]}");
        return (reply, CardOf(reply));
    }

    [Fact]
    public async Task A_message_the_Bot_Framework_delivers_twice_is_handled_once()
    {
        var message = Message("incident declare sev2 \"Checkout 5xx\"");

        (await PostAsync(message)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostAsync((JsonObject)message.DeepClone())).StatusCode.Should().Be(HttpStatusCode.OK);
        await OutboxWaits.DrainOutboxAsync(Bot);

        (await Bot.Playground().OneAsync("lee", "/incident list")).Card!.ToJsonString().Should().Contain("1 incident(s)");
        Connector.Calls.Count(c => c.Path == $"/v3/conversations/{ChannelThread}/activities/{message["id"]}").Should().Be(1, "the retry is answered by nobody");
    }

    [Fact]
    public async Task A_card_press_delivered_twice_is_applied_once()
    {
        var (reply, _) = await DeclareAsync();
        // An update is welcome twice over, so only recognising the retry keeps it from being posted twice.
        var press = Press("incident.update", new JsonObject { ["incident"] = "INC-1", ["version"] = "1", ["text"] = "Rolled back the deploy" }, AliceAad, "activity-1");

        (await PostAsync(press)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostAsync((JsonObject)press.DeepClone())).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var unit = await Bot.Services.GetRequiredService<ExecOps.Workflows.Storage.Store>().BeginAsync();
        (await unit.Timeline.ListAsync("INC-1")).Count(e => e.Kind == "update").Should().Be(1);
        reply.Should().NotBeNull();
    }

    [Fact]
    public async Task Being_added_to_a_team_is_remembered_and_answered_with_help()
    {
        var added = Recorded("conversationUpdate-bot-added-to-team.json");
        added["recipient"]!["id"] = added["membersAdded"]![0]!["id"]!.GetValue<string>();

        (await PostAsync(added)).StatusCode.Should().Be(HttpStatusCode.OK);

        var greeting = await Connector.WaitForAsync(c => c.Path == "/v3/conversations/19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2/activities");
        ((string?)greeting.Body!["text"]).Should().Contain("ExecOps Bot").And.Contain("/incident");
        greeting.Authorization.Should().StartWith("Bearer ");
    }

    [Fact]
    public async Task Declaring_in_a_channel_replies_in_the_thread_with_a_card_only_its_actors_can_press()
    {
        var (_, card) = await DeclareAsync();

        ((string?)card["body"]![0]!["items"]![0]!["text"]).Should().Be("INC-1 · Sev1 · Checkout 5xx");
        card["actions"].Should().BeNull("the shared copy is read-only");
        ((string?)card["refresh"]!["action"]!["verb"]).Should().Be("incident.refresh");
        card["refresh"]!["userIds"]!.AsArray().Select(u => (string?)u).Should().Contain("29:user-b15a9416");
        JsonSchemaValidator.Validate("adaptive-card-1.5.0.schema.json", card.ToJsonString()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task The_commander_gets_the_buttons_when_the_card_refreshes_and_a_reader_does_not()
    {
        var (reply, _) = await DeclareAsync();
        var data = new JsonObject { ["incident"] = "INC-1" };

        var forAlice = await (await PostAsync(Press("incident.refresh", data, AliceAad, "activity-1", automatic: true))).Content.ReadFromJsonAsync<JsonObject>();
        var forBob = await (await PostAsync(Press("incident.refresh", (JsonObject)data.DeepClone(), BobAad, "activity-1", automatic: true))).Content.ReadFromJsonAsync<JsonObject>();

        ((string?)forAlice!["type"]).Should().Be("application/vnd.microsoft.card.adaptive");
        CardJson.Verbs((JsonObject)forAlice["value"]!).Should().Contain("incident.investigate");
        ((JsonObject)forBob!["value"]!)["actions"].Should().BeNull();
        reply.Should().NotBeNull();
    }

    [Fact]
    public async Task The_commanders_press_answers_with_the_new_card_and_updates_the_shared_copy_for_everyone()
    {
        await DeclareAsync();

        var response = await PostAsync(Press("incident.investigate", new JsonObject { ["incident"] = "INC-1", ["version"] = "1" }, AliceAad, "activity-7"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var invoke = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)invoke["statusCode"]!).Should().Be(200);
        CardJson.Facts((JsonObject)invoke["value"]!).Should().Contain("State: Investigating");
        var update = await Connector.WaitForAsync(c => c.HttpMethod == "PUT");
        update.Path.Should().EndWith("/activities/activity-7");
        CardJson.Facts(CardOf(update)).Should().Contain("State: Investigating");
        CardOf(update)["actions"].Should().BeNull();
    }

    [Fact]
    public async Task A_press_by_someone_without_the_role_is_refused_and_changes_nothing()
    {
        await DeclareAsync();

        var response = await PostAsync(Press("incident.resolve", new JsonObject { ["incident"] = "INC-1", ["version"] = "1" }, BobAad, "activity-7"));

        var invoke = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        ((string?)invoke["type"]).Should().Be("application/vnd.microsoft.activity.message");
        ((string?)invoke["value"]).Should().Contain("Only its incident commander").And.Contain("Bob Martins");
        Connector.Calls.Should().NotContain(c => c.HttpMethod == "PUT");
        var show = Message("incident show INC-1");
        await PostAsync(show);
        var shown = await Connector.WaitForAsync(c => c.Path.EndsWith($"/activities/{show["id"]}"));
        CardJson.Facts(CardOf(shown)).Should().Contain("State: Declared");
    }

    [Fact]
    public async Task Someone_seen_in_Teams_gets_their_notifications_in_a_one_to_one_chat()
    {
        await PostAsync(Message("people list", BobAad));
        await DeclareAsync();

        await PostAsync(Message("incident role ops @bob"));

        var created = await Connector.WaitForAsync(c => c.HttpMethod == "POST" && c.Path == "/v3/conversations");
        created.Body!["members"]![0]!["id"]!.GetValue<string>().Should().Be("29:user-c5e99701");
        var dm = await Connector.WaitForAsync(c => c.Path.StartsWith("/v3/conversations/a:personal") && c.HttpMethod == "POST");
        ((string?)dm.Body!["text"]).Should().Contain("made you ops lead of INC-1");
    }

    private async Task AddedToTeamAsync()
    {
        var added = Recorded("conversationUpdate-bot-added-to-team.json");
        added["recipient"]!["id"] = added["membersAdded"]![0]!["id"]!.GetValue<string>();
        await PostAsync(added);
        await Connector.WaitForAsync(c => c.Path == $"{TeamChannel}/activities");
    }

    private const string TeamChannel = "/v3/conversations/19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";

    [Fact]
    public async Task A_throttled_notification_is_retried_after_its_Retry_After()
    {
        await AddedToTeamAsync();
        Connector.FailNext(429, TimeSpan.FromSeconds(1));

        await Bot.Playground().OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        // The announcement and the incident channel's post are lanes of their own, so either may meet the 429.
        var store = Bot.Services.GetRequiredService<Store>();
        await Eventually.Until(() => store.WriteAsync(async u => (await u.Outbox.CountAsync()).Pending), n => n == 1, "the refused message to wait for its retry");
        Bot.Clock.Advance(TimeSpan.FromSeconds(5));

        // After the greeting: the two messages, and the refused one again.
        await Eventually.Until(() => Task.FromResult(Connector.Calls.Count(c => c.Path == $"{TeamChannel}/activities")), n => n == 4, "the refused message sent again");
        var texts = Connector.Calls.Where(c => c.Path == $"{TeamChannel}/activities").Skip(1).Select(c => (string?)c.Body!["text"] ?? "").ToList();
        texts.Distinct().Should().HaveCount(2, "two messages, one of them sent twice").And.Contain(t => t.Contains("**#inc-1-checkout-5xx**")).And.Contain(t => t.Contains("Follow it in #inc-1"));
        var health = await Health.WhenRunningAsync(Http);
        ((int)health!["outbox"]!["failed"]!).Should().Be(0);
    }

    [Fact]
    public async Task A_notification_Teams_forbids_is_recorded_as_failed_not_retried()
    {
        await AddedToTeamAsync();
        Connector.FailNext(403);

        await Bot.Playground().OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        Bot.Clock.Advance(TimeSpan.FromHours(1));

        var health = await Eventually.Until(() => Health.ReadAsync(Http), h => (int)h!["outbox"]!["failed"]! == 1, "the refusal to be recorded");
        ((string?)health!["outbox"]!["status"]).Should().Be("degraded");
    }

    [Fact]
    public async Task A_personal_chat_is_answered_in_the_chat_not_as_a_reply()
    {
        var message = Message("incident list");
        message["conversation"] = new JsonObject { ["id"] = "a:personal-chat", ["conversationType"] = "personal", ["tenantId"] = "t" };

        await PostAsync(message);

        var answer = await Connector.WaitForAsync(c => c.Path == "/v3/conversations/a:personal-chat/activities");
        ((string?)answer.Body!["attachments"]![0]!["content"]!["body"]![0]!["items"]![0]!["text"]).Should().Be("Open incidents");
    }

    [Fact]
    public async Task An_activity_the_bot_does_not_handle_is_accepted_and_ignored()
    {
        var typing = Message("x");
        typing["type"] = "typing";

        (await PostAsync(typing)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Bot.DrainOutboxAsync();
        Connector.Calls.Should().BeEmpty();
    }
}
