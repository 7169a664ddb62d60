using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Api;

public sealed class TimelineEventsApiTests : BotTest
{
    private Task<HttpResponseMessage> PostAsync(string? token, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/timeline-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Playground.Http.SendAsync(request);
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
