using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;
using static ExecOps.Tests.Support.IntegrationDeliveries;

namespace ExecOps.Tests.Bot.Integrations;

/// <summary>PagerDuty V3 webhooks as Zulip's fixtures have them: the pig208 service (PA2P440) is mapped to payments, whose on-call is sam.</summary>
public sealed class PagerDutyTests() : BotTest(Settings())
{
    private static string Sample(string name) => SharedExternal.Read($"pagerduty/incident.{name}.zulip.json");

    private Task<HttpResponseMessage> PostAsync(string body, string? signature = null) => PagerDutyAsync(Playground.Http, body, signature);

    private async Task<IReadOnlyList<IncidentData>> IncidentsAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return (await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind)).Select(s => s.Body).ToList();
    }

    private Task<string> TimelineAsync() => Playground.OneAsync("lee", "/incident timeline INC-1").ContinueWith(t => t.Result.Text);

    [Fact]
    public async Task A_high_urgency_trigger_declares_on_the_mapped_service_and_later_transitions_go_on_its_timeline()
    {
        var triggered = await (await PostAsync(Sample("triggered"))).BodyAsync();

        ((string?)triggered["declared"]).Should().Be("INC-1");
        var incident = (await IncidentsAsync()).Should().ContainSingle().Subject;
        (incident.Severity, incident.Service, incident.Commander, incident.Title).Should().Be((Severity.Sev2, "payments", "sam", "Test Incident 3"));
        incident.Links.Should().Equal("pagerduty:PFQZPSY");
        await Playground.HearsAsync("sam", "pagerduty declared INC-1 Sev2 · Test Incident 3 on payments");

        var acknowledged = await (await PostAsync(Sample("acknowledged"))).BodyAsync();
        var resolved = await (await PostAsync(Sample("resolved"))).BodyAsync();

        acknowledged["joined"]!.AsArray().Select(j => (string?)j).Should().Equal("INC-1");
        resolved["joined"]!.AsArray().Select(j => (string?)j).Should().Equal("INC-1");
        var timeline = await TimelineAsync();
        timeline.Should().Contain("declared this incident: PagerDuty incident #9 \"Test Incident 3\" triggered by PIG 208 (high urgency)");
        timeline.Should().Contain("pagerduty · page: PagerDuty incident #10 \"Test Incident\" acknowledged by PIG 208");
        timeline.Should().Contain("resolved");
        (await IncidentsAsync()).Should().HaveCount(1, "only a trigger declares");
    }

    [Fact]
    public async Task The_transition_comes_from_the_event_type_even_where_the_status_still_says_triggered()
    {
        await PostAsync(Sample("triggered"));
        string As(string type, Action<JsonObject>? more = null) => With(Sample("triggered"), d =>
        {
            d["event"]!["id"] = $"01-{type}";
            d["event"]!["event_type"] = type;
            more?.Invoke(d["event"]!.AsObject());
        });

        await PostAsync(As("incident.escalated"));
        await PostAsync(As("incident.reassigned", e => e["data"]!["assignees"]![0]!["summary"] = "Priya Raman"));
        await PostAsync(As("incident.unacknowledged"));
        await PostAsync(As("incident.reopened"));
        await PostAsync(As("incident.annotated", e => e["data"] = new JsonObject
        {
            ["id"] = "PWL7QXS", ["type"] = "incident_note", ["content"] = "Rolling back the 14:02 deploy",
            ["incident"] = new JsonObject { ["id"] = "PFQZPSY", ["type"] = "incident_reference", ["summary"] = "Test Incident 3" },
        }));

        var timeline = await TimelineAsync();
        timeline.Should().Contain("\"Test Incident 3\" escalated by PIG 208");
        timeline.Should().Contain("reassigned by PIG 208 to Priya Raman");
        timeline.Should().Contain("unacknowledged (the acknowledgement timed out)");
        timeline.Should().Contain("reopened by PIG 208");
        timeline.Should().Contain("annotated by PIG 208: Rolling back the 14:02 deploy");
        (await IncidentsAsync()).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_replayed_event_is_applied_once()
    {
        await PostAsync(Sample("triggered"));
        var body = Sample("acknowledged");

        await PostAsync(body);
        var again = await (await PostAsync(body)).BodyAsync();

        again["duplicate"]!.GetValue<bool>().Should().BeTrue();
        (await TimelineAsync()).Split("acknowledged by PIG 208").Length.Should().Be(2);
        (await PostAsync(Sample("triggered"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await IncidentsAsync()).Should().HaveCount(1, "the trigger sent again declares nothing more");
    }

    [Fact]
    public async Task A_low_urgency_trigger_declares_nothing_and_a_priority_says_the_Sev()
    {
        var low = await (await PostAsync(With(Sample("triggered"), d => d["event"]!["data"]!["urgency"] = "low"))).BodyAsync();

        ((string?)low["declared"]).Should().BeNull();
        (await IncidentsAsync()).Should().BeEmpty();

        await PostAsync(With(Sample("triggered"), d =>
        {
            d["event"]!["id"] = "01-p1";
            d["event"]!["data"]!["priority"] = new JsonObject { ["id"] = "PSO75BM", ["type"] = "priority_reference", ["summary"] = "P1" };
        }));

        (await IncidentsAsync()).Single().Severity.Should().Be(Severity.Sev1);
    }

    [Fact]
    public async Task A_page_for_a_service_nobody_mapped_is_announced_and_an_event_the_bot_does_not_record_is_acknowledged()
    {
        var unmapped = await (await PostAsync(With(Sample("triggered"), d => d["event"]!["data"]!["service"] = new JsonObject { ["id"] = "PZZZZZZ", ["summary"] = "billing-legacy" }))).BodyAsync();
        var other = await PostAsync(With(Sample("acknowledged"), d => { d["event"]!["id"] = "01-svc"; d["event"]!["event_type"] = "service.updated"; }));

        unmapped["announced"]!.GetValue<bool>().Should().BeTrue();
        await Playground.HearsAsync("#incidents", "\"billing-legacy\", which the ownership map does not know");
        other.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string?)(await other.BodyAsync())["ignored"]).Should().Contain("service.updated");
        (await IncidentsAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "no event")]
    [InlineData("""{"event":{"id":"01X","event_type":"incident.acknowledged","data":{}}}""", "names no incident")]
    [InlineData("""{"event":""", "JSON")]
    public async Task An_event_the_bot_cannot_use_is_a_400_that_says_why(string body, string detail)
    {
        var response = await PostAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(detail);
    }
}
