using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Slack;

/// <summary>What Slack's request URLs do with bad input, with retries, and with Slack's own recorded payloads.</summary>
public sealed class SlackRequestTests : SlackBotTest
{
    private static readonly byte[] Declare = Encoding.UTF8.GetBytes("command=%2Fincident&text=declare+sev1+%22Sneaky%22&user_id=U01ALICE01&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fx&trigger_id=t1");

    private async Task NothingHappenedAsync()
    {
        await SettledAsync();
        (await Playground.OneAsync("lee", "/incident list all")).Text.Should().Contain("No incidents yet");
        Slack.Calls.Should().BeEmpty();
    }

    private const string Button = """{"action_id":"incident.investigate","value":"{\"incident\":\"INC-1\",\"version\":\"1\"}","action_ts":"1.1"}""";

    /// <summary>Signed, so they reach the parser: each used to be acknowledged and fail in the background, or get a 500.</summary>
    public static TheoryData<string, string> BadInteractions() => new()
    {
        { """{"type":"block_actions","user":"U01ALICE01","actions":[""" + Button + """]}""", "user.id" },
        { """{"type":"block_actions","user":{"id":"U01ALICE01"},"actions":[]}""", "at least one action" },
        { """{"type":"block_actions","user":{"id":"U01ALICE01"},"actions":"press"}""", "at least one action" },
        { """{"type":"view_submission","user":{"id":"U01ALICE01"},"view":[]}""", "the submitted `view`" },
        { """{"type":"block_actions","type":"view_submission","user":{"id":"U01ALICE01"},"actions":[""" + Button + """]}""", "each key once" },
        { """{"type":"block_actions","user":{"id":"U01\ud800"},"actions":[""" + Button + """]}""", "every string whole" },
    };

    [Theory]
    [MemberData(nameof(BadInteractions))]
    public async Task A_malformed_interaction_is_refused_with_what_was_wrong_and_nothing_is_taken_in(string payload, string expected)
    {
        var response = await Requests.PostFormAsync("/api/slack/interactions", new Dictionary<string, string> { ["payload"] = payload });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain(expected).And.NotContain("System.").And.NotContain("Exception");
        await NothingHappenedAsync();
    }

    [Theory]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":"hello"}""", "`event` as an object")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event_id":"Ev2","event":{"type":"app_mention"}}""", "each key once")]
    [InlineData("""{"type":"event_callback","event_id":"\ud800","event":{"type":"app_mention"}}""", "every string whole")]
    public async Task A_malformed_event_is_refused_with_what_was_wrong_and_nothing_is_taken_in(string json, string expected)
    {
        var response = await Requests.EventAsync(json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected).And.NotContain("System.");
        await NothingHappenedAsync();
    }

    [Fact]
    public async Task Two_different_commands_from_one_person_in_one_second_without_a_trigger_id_both_run()
    {
        foreach (var title in new[] { "Checkout down", "Search slow" })
        {
            var response = await Requests.PostFormAsync("/api/slack/commands", new Dictionary<string, string>
            {
                ["team_id"] = "T0EXECOPS", ["channel_id"] = "C0GENERAL", ["user_id"] = "U01ALICE01", ["command"] = "/incident",
                ["text"] = $"declare sev3 \"{title}\"", ["response_url"] = "http://127.0.0.1:1/x",
            });
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        await SettledAsync();

        var list = (await Playground.OneAsync("lee", "/incident list")).Card!.ToJsonString();
        list.Should().Contain("Checkout down").And.Contain("Search slow");
    }

    public static TheoryData<string, string?, int> BadSignatures() => new()
    {
        { "no signature headers", null, 0 },
        { "a signature for another body", "v0=" + new string('a', 64), 0 },
        { "a timestamp six minutes old", null, -360 },
        { "a timestamp six minutes ahead", null, 360 },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task A_request_without_a_good_signature_is_refused_with_401_and_nothing_runs(string what, string? signature, int skewSeconds)
    {
        var now = Bot.Clock.GetUtcNow().ToUnixTimeSeconds();
        var response = what == "no signature headers"
            ? await Requests.SendAsync("/api/slack/commands", Declare, "application/x-www-form-urlencoded", sign: false)
            : await Requests.SendAsync("/api/slack/commands", Declare, "application/x-www-form-urlencoded", signature: signature, timestamp: skewSeconds == 0 ? null : (now + skewSeconds).ToString());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, what);
        await NothingHappenedAsync();
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        var body = Encoding.UTF8.GetBytes("command=%2Fincident&text=" + new string('x', 1024 * 1024));

        var response = await Requests.SendAsync("/api/slack/commands", body, "application/x-www-form-urlencoded");

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await NothingHappenedAsync();
    }

    [Theory]
    [InlineData("/api/slack/interactions", "payload=%7Bnot+json", "application/x-www-form-urlencoded")]
    [InlineData("/api/slack/interactions", "nopayload=1", "application/x-www-form-urlencoded")]
    [InlineData("/api/slack/events", "{\"type\": \"event_callback\"", "application/json")]
    [InlineData("/api/slack/events", "{\"type\": \"event_callback\", \"event\": {}}", "application/json")]
    public async Task A_signed_but_malformed_payload_is_a_400_that_says_what_is_wrong(string path, string body, string contentType)
    {
        var response = await Requests.SendAsync(path, Encoding.UTF8.GetBytes(body), contentType);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        await NothingHappenedAsync();
    }

    [Fact]
    public async Task A_signed_command_missing_its_fields_gets_a_helpful_ephemeral_answer()
    {
        var response = await Requests.SendAsync("/api/slack/commands", "text=declare+sev1+x&user_id=U01ALICE01"u8.ToArray(), "application/x-www-form-urlencoded");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string?)answer["response_type"]).Should().Be("ephemeral");
        ((string?)answer["text"]).Should().Contain("no `command` field");
        await NothingHappenedAsync();
    }

    [Fact]
    public async Task A_malformed_command_from_a_person_gets_the_usage_privately()
    {
        var response = await Requests.CommandAsync("U01ALICE01", "/incident", "declare sev9 \"x\"", Slack.ResponseUrl("r"));

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string?)answer["response_type"]).Should().Be("ephemeral");
        ((string?)answer["text"]).Should().Contain("`sev9` is not a severity");
    }

    [Fact]
    public async Task The_url_verification_challenge_is_echoed()
    {
        var response = await Requests.EventAsync(SharedExternal.Read("slack/url-verification.json"));

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string?)answer["challenge"]).Should().Be("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    [Fact]
    public async Task An_app_mention_is_answered_and_its_retries_are_processed_once()
    {
        var mention = SharedExternal.Read("slack/event-callback-app-mention.json");

        (await Requests.EventAsync(mention)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Requests.EventAsync(mention, retryNumber: 1)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Requests.EventAsync(mention, retryNumber: 2)).StatusCode.Should().Be(HttpStatusCode.OK);

        var answer = await Slack.WaitForAsync("chat.postEphemeral");
        answer.Text("channel").Should().Be("C111");
        answer.Text("user").Should().Be("W222");
        answer.Text("text").Should().Contain("`/hi` is not a command I know");
        await SettledAsync();
        Slack.CallsTo("chat.postEphemeral").Should().ContainSingle();
    }

    [Fact]
    public async Task A_direct_message_is_answered_in_the_conversation()
    {
        await Requests.EventAsync(SharedExternal.Read("slack/event-callback-message.json"));

        var answer = await Slack.WaitForAsync("chat.postMessage");
        answer.Text("channel").Should().Be("channelId");
        answer.Text("text").Should().Contain("`/hello` is not a command I know");
    }

    [Fact]
    public async Task A_direct_message_can_run_a_command_without_the_slash()
    {
        var message = JsonNode.Parse(SharedExternal.Read("slack/event-callback-message.json"))!;
        message["event"]!["user"] = "U01ALICE01";
        message["event"]!["text"] = "incident declare sev3 \"Docs site slow\"";

        await Requests.EventAsync(message.ToJsonString());

        var answer = await Slack.WaitForAsync("chat.postMessage", c => c.Text("channel") == "channelId");
        answer.Text("text").Should().StartWith("INC-1 · Sev3 · Docs site slow");
    }

    [Fact]
    public async Task Slacks_recorded_slash_command_for_an_unknown_command_is_answered_privately()
    {
        var response = await Requests.SendAsync("/api/slack/commands", Encoding.UTF8.GetBytes(SharedExternal.Read("slack/slash-command.form.txt")), "application/x-www-form-urlencoded");

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string?)answer["response_type"]).Should().Be("ephemeral");
        ((string?)answer["text"]).Should().Contain("`/test` is not a command I know");
    }

    [Fact]
    public async Task Slacks_recorded_block_action_for_an_unknown_action_is_answered_privately_and_changes_nothing()
    {
        var response = await Requests.SendAsync("/api/slack/interactions", Encoding.UTF8.GetBytes(SharedExternal.Read("slack/block-actions.form.txt")), "application/x-www-form-urlencoded");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await Slack.WaitForAsync("chat.postEphemeral");
        answer.Text("user").Should().Be("UCJ0BJ4MP");
        answer.Text("channel").Should().Be("D01DX1HSCC9");
        answer.Text("text").Should().Contain("`select-fruit` is not one I know");
        Slack.CallsTo("chat.update").Should().BeEmpty();
    }

    [Fact]
    public async Task Slacks_recorded_view_submission_for_an_unknown_form_is_answered_by_direct_message()
    {
        var payload = SharedExternal.Read("slack/view-submission.json");

        var response = await Requests.PostFormAsync("/api/slack/interactions", new() { ["payload"] = payload });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await Slack.WaitForAsync("chat.postMessage");
        answer.Text("channel").Should().Be("W111");
        answer.Text("text").Should().Contain("`view-id` is not one I know");
    }
}
