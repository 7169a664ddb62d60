using System.Net;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>`POST /api/metrics/observations` through the real pipeline, against a real SQLite file.</summary>
public sealed class MetricsApiTests : BotTest
{
    public MetricsApiTests() : base(new() { ["Scoreboard:MaxBatch"] = "5" }) { }

    private HttpClient Http => Playground.Http;

    private static object Uptime(string period, double value, string? team = null) => new { kpi = "uptime", period, value, domain = team is null ? null : "payments", team };

    [Fact]
    public async Task Without_the_token_nothing_is_accepted()
    {
        var response = await Observations.PostJsonAsync(Http, new { observations = new[] { Uptime("2026-W44", 99.9) } }, token: "wrong");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Metrics:Token");
    }

    [Fact]
    public async Task The_same_observation_twice_counts_once_and_a_new_value_restates_it()
    {
        (await Observations.StoreAsync(Http, Uptime("2026-W44", 99.9), Uptime("2026-W44", 99.7, "core"))).ToJsonString()
            .Should().Be("""{"stored":2,"revised":0,"unchanged":0}""");
        (await Observations.StoreAsync(Http, Uptime("2026-W44", 99.9), Uptime("2026-W44", 99.7, "core"))).ToJsonString()
            .Should().Be("""{"stored":0,"revised":0,"unchanged":2}""");
        (await Observations.StoreAsync(Http, Uptime("2026-W44", 99.95))).ToJsonString()
            .Should().Be("""{"stored":0,"revised":1,"unchanged":0}""");

        var card = (await Playground.OneAsync("alice", "/scoreboard week:2026-W44")).Card!.ToJsonString();
        card.Should().Contain("99.95%");
    }

    [Fact]
    public async Task A_batch_with_bad_rows_is_refused_whole_naming_each_row_and_stores_nothing()
    {
        var response = await Observations.PostJsonAsync(Http, new
        {
            observations = new object[] { Uptime("2026-W44", 99.9), new { kpi = "uptime", period = "2026-W44", value = "high" }, new { kpi = "nps", period = "2026-W44", value = 40 } },
        });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string)problem["detail"]!).Should().Contain("nothing was stored");
        problem["rejected"]!.AsArray().Select(r => ((int)r!["index"]!, (string)r["reason"]!)).Should().SatisfyRespectively(
            first => { first.Item1.Should().Be(1); first.Item2.Should().Contain("value \"high\" is not a number"); },
            second => { second.Item1.Should().Be(2); second.Item2.Should().Contain("kpi \"nps\" is not in the catalog"); });
        (await Observations.StoreAsync(Http, Uptime("2026-W44", 99.9))).ToJsonString().Should().Contain("\"stored\":1", "the good row of the refused batch was not kept");
    }

    [Fact]
    public async Task A_batch_over_the_row_limit_is_refused_with_413()
    {
        var response = await Observations.PostJsonAsync(Http, new { observations = Enumerable.Range(0, 6).Select(_ => Uptime("2026-W44", 99.9)) });

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("6 rows; the limit is 5");
    }

    [Theory]
    [InlineData("{\"observations\": [", "not valid JSON")]
    [InlineData("{\"rows\": []}", "Send {\\\"observations\\\"")]
    [InlineData("{\"observations\": []}", "has no observations")]
    public async Task A_body_that_is_not_a_batch_gets_a_400_saying_what_to_send(string body, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/metrics/observations") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", BotFactory.MetricsToken);

        var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Fact]
    public async Task The_same_shape_is_taken_as_CSV()
    {
        var response = await Observations.PostCsvAsync(Http, "kpi,period,value,domain,team,region\r\nuptime,2026-W44,99.91,payments,core,emea\r\n\"mttr\",2026-W44,3.5,,,\r\n");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"stored":2,"revised":0,"unchanged":0}""");

        var bad = await Observations.PostCsvAsync(Http, "kpi,period,value\nuptime,2026-W44\nuptime,2026-W44,abc\n");
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var text = await bad.Content.ReadAsStringAsync();
        text.Should().Contain("the row has 2 field(s) but the header has 3").And.Contain("value \\\"abc\\\" is not a number");

        var header = await Observations.PostCsvAsync(Http, "kpi,when,value\nuptime,2026-W44,1\n");
        header.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await header.Content.ReadAsStringAsync()).Should().Contain("unknown column(s) \\\"when\\\"");
    }

    [Fact]
    public async Task A_KPI_owner_can_import_CSV_from_chat_and_a_stranger_cannot()
    {
        var reply = await Playground.OneAsync("alice", "/kpi import\nkpi,period,value\nuptime,2026-W44,99.92\nmttr,2026-W44,x");
        reply.Text.Should().Contain("Nothing was imported").And.Contain("row 2: value \"x\" is not a number");

        (await Playground.OneAsync("alice", "/kpi import\nkpi,period,value\nuptime,2026-W44,99.92")).Text.Should().Be("Imported: 1 new, 0 restated, 0 already there.");
        (await Playground.OneAsync("lee", "/kpi import\nkpi,period,value\nuptime,2026-W44,50")).Text.Should().Contain("for KPI owners and admins");
    }
}
