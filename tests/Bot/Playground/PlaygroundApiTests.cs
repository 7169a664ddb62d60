using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Playground;

public sealed class PlaygroundApiTests : BotTest
{
    [Fact]
    public async Task People_lists_the_directory_from_appsettings()
    {
        var people = await Playground.Http.GetFromJsonAsync<JsonArray>("/api/playground/people");

        var alice = people!.Single(p => (string?)p!["id"] == "alice")!;
        ((string?)alice["email"]).Should().Be("alice.chen@example.com");
        alice["roles"]!.AsArray().Select(r => (string?)r).Should().Contain("incident-commander");
    }

    [Fact]
    public async Task Declaring_answers_in_the_channel_with_the_incident_card_and_its_next_steps()
    {
        var reply = await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\" service:payments impact:\"EU card payments failing\"");

        reply.Visibility.Should().Be("channel");
        ((string?)reply.Card!["type"]).Should().Be("AdaptiveCard");
        reply.Text.Should().StartWith("INC-1 · Sev1 · Checkout 5xx");
        CardJson.Facts(reply.Card).Should().Contain("Incident commander: Alice Chen").And.Contain("Impact: EU card payments failing");
        reply.Verbs.Should().Contain(["incident.investigate", "incident.resolve", "incident.update"]).And.NotContain("incident.close");
    }

    [Fact]
    public async Task Pressing_a_card_button_moves_the_incident_and_returns_the_updated_card_in_place()
    {
        var declared = await Playground.OneAsync("alice", "/incident declare sev2 \"Search slow\"");

        var replies = await Playground.ActionAsync("alice", declared.MessageId, "incident.investigate", declared.ActionData("incident.investigate"));

        var updated = replies.Should().ContainSingle().Subject;
        updated.MessageId.Should().Be(declared.MessageId);
        CardJson.Facts(updated.Card!).Should().Contain("State: Investigating");
        updated.Verbs.Should().NotContain("incident.investigate").And.Contain("incident.identify");
    }

    [Fact]
    public async Task A_stale_card_is_refused_and_answered_with_the_current_card()
    {
        var declared = await Playground.OneAsync("alice", "/incident declare sev2 \"Search slow\"");
        await Playground.ActionAsync("alice", declared.MessageId, "incident.investigate", declared.ActionData("incident.investigate"));

        var replies = await Playground.ActionAsync("alice", declared.MessageId, "incident.mitigate", declared.ActionData("incident.mitigate"));

        var reply = replies.Should().ContainSingle().Subject;
        reply.Visibility.Should().Be("ephemeral");
        reply.Text.Should().Contain("changed since that card was shown");
        CardJson.Facts(reply.Card!).Should().Contain("State: Investigating");
    }

    [Fact]
    public async Task Notifications_reach_the_channel_and_the_people_they_are_for()
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        await Playground.OneAsync("alice", "/incident role ops @bob");
        await Bot.Dispatcher.DispatchDueAsync();

        (await Playground.MessagesAsync("incidents")).Should().ContainSingle().Which.Text.Should().Contain("INC-1 declared").And.Contain("#inc-1-checkout-5xx");
        var room = await Playground.MessagesAsync("#inc-1-checkout-5xx");
        room.Select(m => m.Text).Should().Contain(t => t.Contains("Alice Chen is incident commander")).And.Contain(t => t.Contains("made Bob Martins ops lead"));
        room.Should().OnlyContain(m => m.Card != null, "the incident's own channel always shows its current card");
        var bob = await Playground.MessagesAsync("bob");
        bob.Should().ContainSingle().Which.Text.Should().Contain("made you ops lead of INC-1");
    }

    [Theory]
    [InlineData("{\"as\": \"alice\", \"text\": ", "not valid JSON")]
    [InlineData("[1, 2]", "The body is not of the type this endpoint takes")]
    [InlineData("{\"text\": \"/help\"}", "Say who is typing")]
    [InlineData("{\"as\": \"alice\"}", "\\\"text\\\" is empty")]
    public async Task Malformed_commands_get_a_problem_json_400_that_says_what_was_wrong(string body, string detail)
    {
        var response = await Playground.Http.PostAsync("/api/playground/commands", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(detail);
    }

    [Fact]
    public async Task An_action_without_an_action_id_is_refused_with_400()
    {
        var response = await Playground.Http.PostAsJsonAsync("/api/playground/actions", new { @as = "alice", messageId = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("actionId");
    }

    [Fact]
    public async Task Messages_without_a_recipient_is_a_400()
    {
        var response = await Playground.Http.GetAsync("/api/playground/messages");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_example_chips_cover_every_command_and_each_runs()
    {
        var page = await Playground.Http.GetStringAsync("/");
        var chips = System.Text.RegularExpressions.Regex.Matches(page, "<button type=\"button\" class=\"chip\">([^<]+)</button>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var commands = Bot.Services.GetRequiredService<ExecOps.Bot.Conversation.ChatCore>().Areas.Select(a => a.Name).ToList();

        chips.Select(c => c.TrimStart('/').Split(' ')[0]).Should().Contain(commands, "every area has an example to click");
        foreach (var chip in chips)
            (await Playground.CommandAsync("ceo", chip)).First().Text.Should().NotContain("is not a command I know").And.NotContain("is not a", chip);
    }

    [Fact]
    public async Task The_page_is_served_at_the_root()
    {
        var page = await Playground.Http.GetStringAsync("/");

        page.Should().Contain("id=\"command\"");
        (await Playground.Http.GetAsync("/lib/adaptivecards.min.js")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Turning_the_playground_off_removes_the_page_and_its_api()
    {
        using var otherDatabase = new TempDatabase();
        using var off = new BotFactory(otherDatabase, settings: new() { ["Playground:Enabled"] = "false" });
        var http = off.CreateClient();

        (await http.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.PostAsJsonAsync("/api/playground/commands", new { @as = "alice", text = "/help" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        // Health is 503 until the scheduler has started, which under load takes a moment.
        (await Eventually.Until(() => http.GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.OK, "the bot to be healthy")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
