using System.Text.Json.Nodes;
using ExecOps.Bot.Slack;
using ExecOps.Bot.Slack.Api;
using ExecOps.Tests.Support;
using Microsoft.Extensions.Options;

namespace ExecOps.Tests.Bot.Slack;

public sealed partial class SlackWebApiTests : IAsyncLifetime
{
    private const string Token = "xoxb-test-token";
    private const string Json = "application/json; charset=utf-8";

    // A call held back by mistake waits for a clock nobody moves; this turns that hang into a failure.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private FakeSlack slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task Every_Web_API_call_carries_the_bot_token_as_a_bearer()
    {
        slack.AddUser("U1", "alice@example.com", "Alice Chen");
        await Api().PostMessageAsync("C1", "hello", null);
        await Api().UserInfoAsync("U1");

        slack.Calls.Should().HaveCount(2).And.OnlyContain(c => c.Authorization == $"Bearer {Token}");
    }

    [Fact]
    public async Task Writes_are_sent_as_JSON_bodies()
    {
        var api = Api();
        var blocks = new JsonArray(new JsonObject { ["type"] = "divider" });
        var posted = await api.PostMessageAsync("C1", "hello", blocks, threadTs: "1700000000.000100");
        await api.UpdateAsync("C1", posted.Ts, "hello again", blocks);
        await api.PostEphemeralAsync("C1", "U1", "just you", null);
        await api.CreateChannelAsync("inc-7-login", isPrivate: true);
        await api.InviteAsync("C1", ["U1", "U2"]);
        await api.OpenViewAsync("trigger-1", new JsonObject { ["type"] = "modal" });

        slack.Calls.Should().HaveCount(6).And.OnlyContain(c => c.HttpMethod == "POST" && c.ContentType == Json);
        var post = slack.CallsTo("chat.postMessage").Single();
        (post.Text("channel"), post.Text("text"), post.Text("thread_ts")).Should().Be(("C1", "hello", "1700000000.000100"));
        post.Body["link_names"]!.GetValue<bool>().Should().BeTrue();
        post.Body["unfurl_links"]!.GetValue<bool>().Should().BeFalse();
        post.Body["blocks"]!.ToJsonString().Should().Be(blocks.ToJsonString());
        slack.CallsTo("chat.update").Single().Text("ts").Should().Be(posted.Ts);
        slack.CallsTo("conversations.invite").Single().Text("users").Should().Be("U1,U2");
        slack.CallsTo("conversations.create").Single().Body["is_private"]!.GetValue<bool>().Should().BeTrue();
        slack.CallsTo("views.open").Single().Body["view"]!["type"]!.GetValue<string>().Should().Be("modal");
    }

    [Fact]
    public async Task People_are_looked_up_with_GET_and_a_query_string()
    {
        slack.AddUser("U1", "alice+ops@example.com", "Alice Chen");

        var byId = await Api().UserInfoAsync("U1");
        var byEmail = await Api().LookupByEmailAsync("alice+ops@example.com");

        byId.Should().Be(new SlackUser("U1", "alice+ops@example.com", "Alice Chen"));
        byEmail.Should().Be(byId);
        slack.Calls.Should().OnlyContain(c => c.HttpMethod == "GET" && c.ContentType == null);
        slack.CallsTo("users.lookupByEmail").Single().Text("email").Should().Be("alice+ops@example.com");
    }

    [Fact]
    public async Task Someone_Slack_does_not_know_is_null_rather_than_an_error()
    {
        (await Api().UserInfoAsync("U404")).Should().BeNull();
        (await Api().LookupByEmailAsync("nobody@example.com")).Should().BeNull();
    }

    [Fact]
    public async Task Posting_to_a_channel_by_name_answers_with_its_id()
    {
        var id = await Api().CreateChannelAsync("inc-42-db-down");
        var posted = await Api().PostMessageAsync("#inc-42-db-down", "Declared", null);

        posted.Should().Be(new SlackMessageRef(id, posted.Ts));
        posted.Ts.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("channel_not_found", true)]
    [InlineData("not_in_channel", true)]
    [InlineData("is_archived", true)]
    [InlineData("invalid_auth", true)]
    [InlineData("token_revoked", true)]
    [InlineData("missing_scope", true)]
    [InlineData("invalid_blocks", true)]
    [InlineData("internal_error", false)]
    [InlineData("fatal_error", false)]
    [InlineData("service_unavailable", false)]
    [InlineData("request_timeout", false)]
    [InlineData("ratelimited", false)]
    public async Task A_refusal_says_whether_sending_again_can_help(string error, bool permanent)
    {
        slack.FailNext("chat.postMessage", 200, error);

        var failure = await FailureOf(() => Api().PostMessageAsync("C1", "hello", null));

        (failure.Method, failure.Error, failure.Permanent, failure.HttpStatus, failure.RetryAfter).Should().Be(("chat.postMessage", error, permanent, 200, (TimeSpan?)null));
        failure.Message.Should().Contain("C1").And.Contain(error);
    }

    [Fact]
    public async Task Too_many_requests_carries_Retry_After_and_is_worth_retrying()
    {
        slack.FailNext("chat.postMessage", 429, "ratelimited", TimeSpan.FromSeconds(30));

        var failure = await FailureOf(() => Api().PostMessageAsync("C1", "hello", null));

        (failure.Error, failure.Permanent, failure.HttpStatus, failure.RetryAfter).Should().Be(("ratelimited", false, 429, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_server_error_is_worth_retrying()
    {
        slack.FailNext("chat.update", 503);

        var failure = await FailureOf(() => Api().UpdateAsync("C1", "1700000000.000100", "hello", null));

        (failure.Error, failure.Permanent, failure.HttpStatus).Should().Be(("http_503", false, 503));
    }

    [Fact]
    public async Task An_answer_that_is_not_JSON_is_an_invalid_response_worth_retrying()
    {
        slack.FailNext("chat.postMessage", 200);

        var failure = await FailureOf(() => Api().PostMessageAsync("C1", "hello", null));

        (failure.Error, failure.Permanent).Should().Be(("invalid_response", false));
    }

    [Fact]
    public async Task A_Slack_that_cannot_be_reached_is_worth_retrying()
    {
        var failure = await FailureOf(() => Api(baseUrl: "http://127.0.0.1:1/api/").PostMessageAsync("C1", "hello", null));

        (failure.Error, failure.Permanent, failure.HttpStatus).Should().Be(("unreachable", false, (int?)null));
    }

    [Fact]
    public async Task Creating_a_channel_whose_name_is_taken_fails_for_good()
    {
        await Api().CreateChannelAsync("inc-1-api");

        var failure = await FailureOf(() => Api().CreateChannelAsync("inc-1-api"));

        (failure.Error, failure.Permanent).Should().Be(("name_taken", true));
    }

    [Fact]
    public async Task Inviting_someone_already_in_the_channel_counts_as_done()
    {
        slack.FailNext("conversations.invite", 200, "already_in_channel");

        await Api().InviteAsync("C1", ["U1"]);

        slack.CallsTo("conversations.invite").Should().ContainSingle();
    }

    [Fact]
    public async Task When_one_of_several_is_already_in_the_channel_the_others_are_still_invited()
    {
        slack.FailNext("conversations.invite", 200, "already_in_channel");

        await Api().InviteAsync("C1", ["U1", "U2"]);

        slack.CallsTo("conversations.invite").Select(c => c.Text("users")).Should().Equal("U1,U2", "U1", "U2");
    }

    [Fact]
    public async Task Without_a_bot_token_every_call_fails_for_good_and_says_what_to_set()
    {
        var api = Api(token: "");

        foreach (var call in new Func<Task>[] { () => api.PostMessageAsync("C1", "hello", null), () => api.UserInfoAsync("U1"), () => api.CreateChannelAsync("x") })
        {
            var failure = await FailureOf(call);
            (failure.Error, failure.Permanent).Should().Be(("not_configured", true));
            failure.Message.Should().Contain("Slack:BotToken");
        }
        slack.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task A_response_url_gets_the_message_as_JSON_without_the_token()
    {
        await Api().RespondAsync(slack.ResponseUrl("cmd-1"), new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Done" });

        var call = await slack.WaitForAsync("response_url");
        (call.Authorization, call.ContentType, call.Text("_id"), call.Text("text")).Should().Be(((string?)null, Json, "cmd-1", "Done"));
    }

    [Fact]
    public async Task A_response_url_that_has_expired_fails_for_good()
    {
        slack.FailNext("response_url", 404, "expired_url");

        var failure = await FailureOf(() => Api().RespondAsync(slack.ResponseUrl("cmd-1"), new JsonObject { ["text"] = "Done" }));

        (failure.Method, failure.Error, failure.Permanent, failure.HttpStatus).Should().Be(("response_url", "expired_url", true, 404));
    }

    [Fact]
    public async Task An_upload_URL_that_refuses_the_bytes_is_worth_retrying_and_shares_nothing()
    {
        slack.FailNext("upload_url", 500);

        var failure = await FailureOf(() => Api().UploadMarkdownAsync("D1", "readout.md", "# Readout"));

        (failure.Method, failure.Error, failure.Permanent, failure.HttpStatus).Should().Be(("upload_url", "http_500", false, 500));
        failure.Message.Should().Contain("readout.md");
        slack.CallsTo("files.completeUploadExternal").Should().BeEmpty();
    }

    [Fact]
    public async Task The_API_base_URL_works_without_its_trailing_slash()
    {
        await Api(baseUrl: slack.ApiBaseUrl.TrimEnd('/')).PostMessageAsync("C1", "hello", null);

        slack.CallsTo("chat.postMessage").Should().ContainSingle();
    }

    // Unpaced unless the test gives limits, so only the pacing tests ever wait for a turn.
    private SlackWebApi Api(SlackRateLimits? limits = null, string? token = Token, string? baseUrl = null) =>
        new(http, Options.Create(new SlackSettings { BotToken = token, ApiBaseUrl = baseUrl ?? slack.ApiBaseUrl }),
            limits ?? new SlackRateLimits(TimeProvider.System, spacingScale: 0), new CoalescedEdits());

    private static async Task<SlackApiException> FailureOf(Func<Task> call) => (await call.Should().ThrowAsync<SlackApiException>()).Which;

    private IEnumerable<string?> PostedTexts() => slack.CallsTo("chat.postMessage").Select(c => c.Text("text"));
}
