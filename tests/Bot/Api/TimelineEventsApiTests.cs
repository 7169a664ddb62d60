using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Api;

public sealed class TimelineEventsApiTests : BotTest
{
    private Task<HttpResponseMessage> PostAsync(string? token, string body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/timeline-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Playground.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_deploy_retried_with_its_idempotency_key_is_recorded_once_and_answered_the_same()
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\" service:payments");
        const string deploy = """{"kind":"deploy","service":"payments","summary":"payments v2.3.2 rolled out","source":"argo"}""";

        var first = await PostAsync(BotFactory.TimelineToken, deploy, "deploy-7f3a");
        var retry = await PostAsync(BotFactory.TimelineToken, deploy, "deploy-7f3a");
        var another = await PostAsync(BotFactory.TimelineToken, deploy, "deploy-8b41");

        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        another.Headers.Contains("Idempotent-Replayed").Should().BeFalse("a different key is a different deploy");
        var timeline = (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text;
        timeline.Split("payments v2.3.2 rolled out").Length.Should().Be(3, "the retry added nothing; the second deploy did");
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Markers.ReleasesAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddYears(10))).Should().HaveCount(2, "the release marker of the retried deploy is kept once");
    }

    [Fact]
    public async Task A_deploy_joins_the_open_incidents_of_its_service_only()
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\" service:payments");
        await Playground.OneAsync("alice", "/incident declare sev2 \"Search slow\" service:search");

        var response = await PostAsync(BotFactory.TimelineToken, """{"kind":"deploy","service":"Payments","summary":"payments v2.3.1 rolled out","source":"argo"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["joined"]!.AsArray().Select(j => (string?)j).Should().Equal("INC-1");
        (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text.Should().Contain("argo · deploy: payments v2.3.1 rolled out");
        (await Playground.OneAsync("lee", "/incident timeline INC-2")).Text.Should().NotContain("payments v2.3.1");
    }

    [Fact]
    public async Task A_closed_incident_takes_no_more_events()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");
        await Playground.OneAsync("alice", "/incident resolve");

        var response = await PostAsync(BotFactory.TimelineToken, """{"kind":"alert","service":"payments","summary":"p99 high"}""");

        (await response.Content.ReadFromJsonAsync<JsonObject>())!["joined"]!.AsArray().Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Without_the_right_token_nothing_is_recorded(string? token)
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\" service:payments");

        var response = await PostAsync(token, """{"kind":"deploy","service":"payments","summary":"sneaky"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text.Should().NotContain("sneaky");
    }

    [Theory]
    [InlineData("""{"kind":"deploy","service":"payments""", "not valid JSON")]
    [InlineData("""{"kind":"party","service":"payments","summary":"x"}""", "deploy, alert, config-change")]
    [InlineData("""{"kind":"deploy","summary":"x"}""", "\\\"service\\\" is missing")]
    [InlineData("""{"kind":"deploy","service":"payments"}""", "\\\"summary\\\" is missing")]
    public async Task A_malformed_event_is_a_400_that_says_what_to_fix(string body, string detail)
    {
        var response = await PostAsync(BotFactory.TimelineToken, body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(detail);
    }
}
