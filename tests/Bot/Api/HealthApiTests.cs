using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Api;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Health_reports_the_database_the_scheduler_and_the_outbox()
    {
        using var database = new TempDatabase();
        using var bot = new BotFactory(database);
        await bot.Playground().OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");

        var health = await Health.WhenRunningAsync(bot.CreateClient());

        ((string?)health!["status"]).Should().Be("healthy");
        ((string?)health["database"]!["status"]).Should().Be("ok");
        health.ToJsonString().Should().NotContain(database.Folder, "an open endpoint does not say where the data lives");
        // The incident's update reminder, the scoreboard's weekly review and freshness check, the weekly risk
        // review, the drills of the two Tier 0/1 sample services, the board packet draft, the scale readout, the nightly clean-up,
        // compliance's hourly sweep, weekly post and quarterly dry run, the daily spend anomaly check, the weekly spend report, the quarterly ownership audit and the monthly trust ledger.
        ((int)health["database"]!["pendingReminders"]!).Should().Be(16);
        ((string?)health["scheduler"]!["status"]).Should().Be("running");
    }
}
