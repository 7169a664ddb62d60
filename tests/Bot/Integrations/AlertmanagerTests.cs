using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;
using static ExecOps.Tests.Support.IntegrationDeliveries;

namespace ExecOps.Tests.Bot.Integrations;

/// <summary>Alertmanager's webhook (payload version 4) as the samples in tests/external/alertmanager have it; the declare rule is severity=critical → Sev1.</summary>
public sealed class AlertmanagerTests() : BotTest(Settings())
{
    /// <summary>The sample with the label that names the service, which the samples' own Prometheus setups did not use.</summary>
    private static string OnPayments(string sample) => With(SharedExternal.Read(sample), group =>
    {
        foreach (var alert in group["alerts"]!.AsArray()) alert!["labels"]!["service"] = "payments";
    });

    private Task<HttpResponseMessage> PostAsync(string body, string? token = AlertmanagerToken) => AlertmanagerAsync(Playground.Http, body, token);

    private async Task<IReadOnlyList<string>> IncidentsAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return (await unit.Aggregates.ListAsync<ExecOps.Workflows.Incidents.IncidentData>("incident")).Select(s => $"{s.Body.Id} {s.Body.Severity} {s.Body.Service} {s.Body.Commander}").ToList();
    }

    [Fact]
    public async Task A_firing_group_with_a_declare_rule_opens_a_Sev_with_the_services_on_call_as_IC_and_its_resolved_group_goes_on_that_timeline()
    {
        var firing = await PostAsync(OnPayments("alertmanager/alertmanager-bot.firing.json"));

        firing.StatusCode.Should().Be(HttpStatusCode.OK);
        (await firing.BodyAsync())["alerts"]![0]!["declared"]!.GetValue<string>().Should().Be("INC-1");
        (await IncidentsAsync()).Should().Equal("INC-1 Sev1 payments sam");
        var status = (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text;
        status.Should().Contain("alertmanager · alert: declared this incident: Fire (critical) firing: Something is on fire");
        (await Playground.HearsAsync("sam", "you are its incident commander")).Should().Contain(m => m.Text.StartsWith("alertmanager declared INC-1 Sev1 · Fire: Something is on fire on payments"));

        var resolved = await PostAsync(OnPayments("alertmanager/alertmanager-bot.resolved.json"));

        (await resolved.BodyAsync())["alerts"]![0]!["joined"]!.AsArray().Select(j => (string?)j).Should().Equal("INC-1");
        (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text.Should().Contain("alertmanager · alert-resolved: Fire (critical) resolved: Something is on fire");
        (await IncidentsAsync()).Should().HaveCount(1, "a resolved alert declares nothing");
    }

    [Fact]
    public async Task The_same_alert_sent_again_is_one_event()
    {
        var body = OnPayments("alertmanager/alertmanager-gateway.docs-example.firing.json");
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        var first = await (await PostAsync(body)).BodyAsync();
        var again = await (await PostAsync(body)).BodyAsync();

        first["alerts"]![0]!["joined"]!.AsArray().Select(j => (string?)j).Should().Equal("INC-1");
        again["alerts"]![0]!["duplicate"]!.GetValue<bool>().Should().BeTrue();
        var timeline = (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text;
        timeline.Split("example (warning) firing: Example alert summary").Length.Should().Be(2, "the redelivered alert added nothing");
    }

    [Fact]
    public async Task A_warning_joins_an_open_incident_but_declares_none()
    {
        var body = OnPayments("alertmanager/prometheus-msteams.prom_post_request.json");

        var answer = await (await PostAsync(body)).BodyAsync();

        answer["alerts"]![0]!["declared"].Should().BeNull("the rule declares on severity=critical only");
        answer["alerts"]![0]!["announced"]!.GetValue<bool>().Should().BeFalse("a known service's alert with no incident to join is not news");
        (await IncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_group_mixing_firing_and_resolved_alerts_takes_each_on_its_own()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");
        var firing = JsonNode.Parse(OnPayments("alertmanager/alertmanager-gateway.docs-example.firing.json"))!.AsObject();
        var resolved = JsonNode.Parse(OnPayments("alertmanager/alertmanager-bot.resolved.json"))!["alerts"]![0]!.DeepClone();
        firing["alerts"]!.AsArray().Add(resolved);

        var answer = await (await PostAsync(firing.ToJsonString())).BodyAsync();

        answer["alerts"]!.AsArray().Select(a => (string?)a!["status"]).Should().Equal("firing", "resolved");
        var timeline = (await Playground.OneAsync("lee", "/incident timeline INC-1")).Text;
        timeline.Should().Contain("example (warning) firing").And.Contain("Fire (critical) resolved");
    }

    [Fact]
    public async Task An_alert_for_no_known_service_is_announced_never_dropped()
    {
        var answer = await (await PostAsync(SharedExternal.Read("alertmanager/alertmanager-bot.firing.json"))).BodyAsync();

        answer["alerts"]![0]!["announced"]!.GetValue<bool>().Should().BeTrue();
        var heard = await Playground.HearsAsync("#incidents", "Something is on fire");
        heard.Single(m => m.Text.Contains("Something is on fire")).Text.Should().Contain("alertmanager · alert for no service").And.Contain("map the service");
        (await IncidentsAsync()).Should().BeEmpty("without a service nobody's on-call can be IC");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Without_the_token_nothing_is_recorded(string? token)
    {
        var response = await PostAsync(OnPayments("alertmanager/alertmanager-bot.firing.json"), token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Integrations:Alertmanager:Token");
        (await IncidentsAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"version":"3","alerts":[]}""", "version 3")]
    [InlineData("""{"version":"4"}""", "no \\\"alerts\\\" array")]
    [InlineData("""{"version":"4","alerts":[{"status":"firing"}]}""", "alerts[0] has no \\\"labels\\\"")]
    [InlineData("""{"version":"4","alerts":[""", "JSON")]
    public async Task A_payload_the_bot_cannot_use_is_a_400_that_says_why(string body, string detail)
    {
        var response = await PostAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(detail);
    }
}
