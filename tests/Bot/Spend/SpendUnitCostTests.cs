using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Spend;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>
/// The unit costs the weekly spend report posts to the scoreboard (report Mondays 08:00 UTC, test clock from Monday 2026-11-02
/// 09:00): Cloud Unit Cost = infrastructure spend / weekly active accounts; Telemetry Efficiency = telemetry spend per 1,000 requests.
/// </summary>
public sealed class SpendUnitCostTests : BotTest
{
    private static readonly DateTimeOffset Report = new(2026, 11, 9, 8, 0, 0, TimeSpan.Zero);

    private Task<HttpResponseMessage> PostUsageAsync(string body, string type = "application/json") => SpendPosts.SendAsync(Bot, SpendApi.UsagePath, body, type);

    /// <summary>W45: aws 14,000 a day and gcp 1,000 (infrastructure, 105,000 in all), datadog 180 a day (1,260), and a stripe line counted in neither.</summary>
    private async Task WeekAsync(int usageDays)
    {
        await Bot.ArmedAsync(SpendReminders.WeeklyKey, r => r.DueAt == Report);
        Bot.Clock.Advance(Report.AddHours(-1) - Bot.Clock.GetUtcNow());
        var days = Enumerable.Range(2, 7).Select(d => $"2026-11-{d:00}").ToList();
        await SpendPosts.PostAsync(Bot, [.. days.SelectMany(d => new[]
        {
            SpendPosts.Line(d, 14000, "aws", "payments"), SpendPosts.Line(d, 1000, "gcp", "search"), SpendPosts.Line(d, 180, "datadog"), SpendPosts.Line(d, 50, "stripe"),
        })]);
        var usage = string.Join(",", days.Take(usageDays).Select(d => $$"""{"day": "{{d}}", "metric": "requests", "value": 1500000}"""));
        (await PostUsageAsync($$"""{"usage": [{{usage}}]}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Observations.StoreAsync(Bot.CreateClient(), new { kpi = "waa", period = "2026-W45", value = 3500 });
        Bot.Clock.Advance(TimeSpan.FromMinutes(61));
        await Bot.ArmedAsync(SpendReminders.WeeklyKey, r => r.DueAt == Report.AddDays(7));
    }

    [Fact]
    public async Task The_weekly_report_posts_both_unit_costs_as_the_weeks_observations()
    {
        await WeekAsync(usageDays: 7);

        var review = CardJson.Text((await Playground.OneAsync("dana", "/spend movers")).Card!);
        review.Should().Contain("Cloud Unit Cost 30.00 USD: 105,000.00 infrastructure spend / 3,500 weekly active accounts.")
            .And.Contain("Telemetry Efficiency 0.12 USD: 1,260.00 telemetry spend / 10,500 thousand requests.");
        var board = (await Playground.OneAsync("dana", "/scoreboard week:2026-W45")).Text;
        board.Should().Contain("Cloud Unit Cost").And.Contain("$30").And.Contain("Telemetry Efficiency").And.Contain("$0.12");
    }

    [Fact]
    public async Task A_week_whose_requests_are_not_all_in_is_not_posted_and_says_so()
    {
        await WeekAsync(usageDays: 5);

        var review = CardJson.Text((await Playground.OneAsync("dana", "/spend movers")).Card!);
        review.Should().Contain("Telemetry Efficiency not posted: requests usage covers 5 of 2026-W45's 7 days.").And.Contain("Cloud Unit Cost 30.00 USD");
    }

    [Fact]
    public async Task Usage_is_kept_once_restated_in_place_and_a_bad_batch_is_refused_whole()
    {
        const string Good = """{"usage": [{"day": "2026-11-01", "metric": "requests", "value": 100}]}""";
        var first = (await (await PostUsageAsync(Good)).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)first["stored"]!).Should().Be(1);
        var again = (await (await PostUsageAsync(Good)).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)again["unchanged"]!).Should().Be(1);
        var restated = (await (await PostUsageAsync("day,metric,value\n2026-11-01,requests,120\n", "text/csv")).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)restated["revised"]!).Should().Be(1);

        var bad = await PostUsageAsync("""{"usage": [{"day": "2026-11-01", "metric": "requests", "value": 5}, {"day": "2026-11-09", "metric": "requests", "value": -1}, {"metric": "Requests!"}]}""");
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var rejected = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["rejected"]!.AsArray();
        rejected.Select(r => ((int)r!["index"]!, (string)r["reason"]!)).Should().BeEquivalentTo([
            (1, "day 2026-11-09 has not begun (today is 2026-11-02); spend records what was spent; value \"-1\" must be a count from 0 to 1,000,000,000,000,000"),
            (2, "day is missing; metric \"requests!\" must be up to 100 letters, digits, dots, dashes or underscores; value is missing"),
        ]);
        var total = await Bot.Services.GetRequiredService<ExecOps.Workflows.Storage.Store>().ReadAsync(scope => scope.Usage.TotalAsync("requests", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)));
        total.Should().Be((120m, 1), "the refused batch changed nothing");
    }
}
