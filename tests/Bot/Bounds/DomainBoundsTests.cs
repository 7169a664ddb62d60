using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Bounds;

/// <summary>
/// Values no user means, typed as a new user would: each is refused with the field and the range it
/// may take, and nothing is stored. The clock stands at 2026-11-02.
/// </summary>
public sealed class DomainBoundsTests : BotTest
{
    private const string Risk = "category:financial p:30% customers:\"all\" owner:@alice sponsor:@dana";
    private const string Decision = "verdict:expand owner:@alice approver:@dana";

    public static TheoryData<string, string> Commands() => new()
    {
        { $"/risk add \"Overflow\" {Risk} impact:$79228162514264337593543950335b", "impact:$79228162514264337593543950335b is more than $1000B" },
        { $"/risk add \"Slip\" {Risk} impact:$999999999999999999999", "is more than $1000B" },
        { $"/risk add \"Past\" {Risk} impact:$250k review:1999-01-01", "review:1999-01-01 is in the past; give a date from 2026-11-02 on" },
        { $"/risk add \"Far\" {Risk} impact:$250k review:9999-12-31", "review:9999-12-31 is more than 5 years ahead; give a date up to 2031-11-02" },
        { "/risk mitigate RISK-1 \"m\" owner:@alice due:9999-12-31", "due:9999-12-31 is more than 5 years ahead" },
        { "/risk close RISK-1 review:2020-01-01", "review:2020-01-01 is in the past" },
        { "/risk done RISK-1 1 evidence:INC-999", "evidence:INC-999 names no incident" },
        { "/risk link RISK-1 evidence:CHG-999", "evidence:CHG-999 names no change" },
        { "/risk update RISK-1 impact:$79228162514264337593543950335b", "is more than $1000B" },
        { $"/decision new \"Overflow\" {Decision} budget:$79228162514264337593543950335b", "budget:$79228162514264337593543950335b is more than $1000B" },
        { $"/decision new \"Past\" {Decision} budget:$300k revisit:1999-01-01", "revisit:1999-01-01 is in the past" },
        { $"/decision new \"Far\" {Decision} budget:$300k milestones:\"launch=9999-12-31\"", "milestone launch:9999-12-31 is more than 5 years ahead" },
        { "/boardpacket 0001-01", "0001-01 is before 2000-01, where the bot's history starts; give a month from 2000-01 to 2026-11" },
        { "/boardpacket 1999-01", "1999-01 is before 2000-01" },
        { "/boardpacket 9999-12", "9999-12 has not begun; give a month from 2000-01 to 2026-11" },
        { "/kpi import\nkpi,period,value\nuptime,9999-12-31,99.9", "period 9999-12-31 has not started yet" },
        { "/kpi import\nkpi,period,value\nuptime,1900-01-01,99.9", "period 1900-01-01 is before 2000-01-01" },
        { "/kpi import\nkpi,period,value\nuptime,2026-W44,-500", "value -500 is outside 0% – 1000%" },
        { "/kpi propose uptime target:99.95 green:99.9 yellow:99.5 definition:\"x\" impact:\"x\" validation:\"x\" migration:\"x\" effective:9999-12-31", "effective:9999-12-31 is more than 5 years ahead" },
        { "/change new tier:2 service:payments \"Old\" scope:\"x\" rollback:\"y\" metrics:\"p95_latency_ms<=300\" owner:@alice window:1999-01-01T00:00Z..1999-01-01T01:00Z", "must end after now" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_value_out_of_its_range_is_refused_with_the_field_and_the_range(string command, string expected)
    {
        // The CEO sponsors it, so that closing it is theirs to do and only the review date can be wrong.
        await Playground.CommandAsync("ceo", "/risk add \"Vendor lock-in\" category:vendor p:30% impact:$250k customers:\"all\" owner:@alice sponsor:@ceo");
        await Playground.CommandAsync("alice", "/risk mitigate RISK-1 \"Second supplier\" owner:@alice due:2026-12-20");
        var before = await Playground.OneAsync("ceo", "/risk show RISK-1");

        var refusal = (await Playground.CommandAsync("ceo", command)).Should().ContainSingle().Subject;

        refusal.Text.Should().Contain(expected);
        (await Playground.OneAsync("ceo", "/risk show RISK-1")).Text.Should().Be(before.Text);
        (await Playground.OneAsync("ceo", "/risk top")).Text.Should().NotContain("RISK-2");
        (await Playground.OneAsync("ceo", "/decision export")).Text.Should().NotContain("DEC-");
        (await Playground.OneAsync("ceo", "/change calendar")).Text.Should().NotContain("CHG-1");
    }

    [Fact]
    public async Task A_first_commit_after_the_start_is_refused_so_lead_time_is_never_negative()
    {
        await Playground.CommandAsync("alice", "/change new tier:2 service:payments \"Faster checkout\" scope:\"x\" rollback:\"y\" metrics:\"p95_latency_ms<=300\" owner:@alice");

        var (status, body) = await ChangeEvents.PostAsync(Playground.Http, "CHG-1", """{"kind":"started","at":"2026-11-02T08:00:00Z","first_commit_at":"2099-01-01T00:00:00Z"}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        body["detail"]!.ToString().Should().Contain("first_commit_at 2099-01-01T00:00:00Z must be before the start (2026-11-02T08:00:00Z)");
        (await Playground.OneAsync("alice", "/change show CHG-1")).Text.Should().Contain("State: Approved");
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("2099-01-01T00:00:00Z")]
    public async Task A_timeline_event_from_outside_the_reporting_window_is_refused(string at)
    {
        await Playground.CommandAsync("alice", "/incident declare sev2 \"Checkout errors\" service:payments");

        var response = await TimelineAsync(new JsonObject { ["kind"] = "deploy", ["service"] = "payments", ["summary"] = "payments v9", ["at"] = at });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"at {at} is outside 2026-08-04T09:00:00Z – 2026-11-02T09:05:00Z");
        (await Playground.OneAsync("alice", "/incident timeline INC-1")).Text.Should().NotContain("payments v9");
    }

    [Fact]
    public async Task A_timeline_summary_longer_than_a_note_is_refused()
    {
        var response = await TimelineAsync(new JsonObject { ["kind"] = "alert", ["service"] = "payments", ["summary"] = new string('s', 20_000) });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("summary is 20000 characters; keep it to 2000");
    }

    [Theory]
    [InlineData("""{"kpi":"uptime","period":"2026-W44","value":-500,"team":"payments"}""", "value -500 is outside 0% – 1000%")]
    [InlineData("""{"kpi":"uptime","period":"1900-01-01","value":99.9,"team":"payments"}""", "period 1900-01-01 is before 2000-01-01")]
    [InlineData("""{"kpi":"uptime","period":"9999-12-31","value":99.9,"team":"payments"}""", "period 9999-12-31 has not started yet")]
    [InlineData("""{"kpi":"uptime","at":"1999-12-31T23:00:00Z","value":99.9,"team":"payments"}""", "at 1999-12-31T23:00:00Z is before 2000-01-01")]
    public async Task An_observation_outside_what_its_KPI_can_measure_is_refused_whole(string row, string expected)
    {
        var response = await Observations.PostJsonAsync(Playground.Http, JsonNode.Parse($$"""{"observations":[{{row}}]}""")!);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    public async Task An_approval_pressed_without_the_version_its_card_showed_is_refused_as_stale_with_the_current_card(string? version)
    {
        var created = await Playground.OneAsync("alice", "/change new tier:1 service:payments \"Card vault v2\" scope:\"vault reads\" rollback:\"flag off\" metrics:\"p95_latency_ms<=300\" owner:@alice");
        var data = created.ActionData("change.approve");
        if (version is null) data.Remove("version");
        else data["version"] = version;

        var refusal = (await Playground.ActionAsync("sam", created.MessageId, "change.approve", data)).Single();

        refusal.Text.Should().Contain("did not say which version of the card").And.Contain("Nothing was done");
        CardJson.Facts(refusal.Card!).Should().Contain("State: PendingApproval");
        (await Playground.OneAsync("alice", "/change show CHG-1")).Text.Should().Contain("State: PendingApproval");
    }

    private Task<HttpResponseMessage> TimelineAsync(JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/timeline-events") { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", BotFactory.TimelineToken);
        return Playground.Http.SendAsync(request);
    }
}
