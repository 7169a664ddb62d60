using ExecOps.Tests.Support;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>Data going stale alerts #ops-sev2 and the KPI's owner once per breach, with the test's clock moving the checks.</summary>
public sealed class FreshnessAlertTests : BotTest
{
    private const string Alert = "Data freshness red: Uptime (SLO)";

    private Task CheckedAtAsync(DateTimeOffset due) => Bot.ArmedAsync(ScoreboardReminders.FreshnessCheckKey, r => r.DueAt >= due);

    private async Task<int> AlertsAsync(string to) => (await Playground.MessagesAsync(to)).Count(m => m.Text.Contains(Alert));

    [Fact]
    public async Task Stale_data_alerts_the_ops_channel_and_the_owner_once_and_recovery_is_announced()
    {
        var start = Bot.Clock.GetUtcNow();
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", at = start.ToString("o"), value = 99.95 });
        await CheckedAtAsync(start.AddMinutes(15));

        Bot.Clock.Advance(TimeSpan.FromHours(47.9));
        await CheckedAtAsync(start.AddHours(47.9).AddMinutes(15));
        (await AlertsAsync("#ops-sev2")).Should().Be(0, "48 hours old is yellow, not red");

        Bot.Clock.Advance(TimeSpan.FromHours(0.5));
        await Eventually.Until(() => AlertsAsync("#ops-sev2"), n => n == 1, "the ops channel's alert");
        await Eventually.Until(() => AlertsAsync("alice"), n => n == 1, "the owner's alert");

        await CheckedAtAsync(Bot.Clock.GetUtcNow().AddMinutes(15));
        Bot.Clock.Advance(TimeSpan.FromMinutes(20));
        await CheckedAtAsync(Bot.Clock.GetUtcNow().AddMinutes(10));
        (await AlertsAsync("#ops-sev2")).Should().Be(1, "one breach is one alert");

        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", at = Bot.Clock.GetUtcNow().ToString("o"), value = 99.97 });
        Bot.Clock.Advance(TimeSpan.FromMinutes(20));
        await Eventually.Until(() => Playground.MessagesAsync("#ops-sev2"), m => m.Any(x => x.Text.Contains("Data freshness recovered: Uptime (SLO)")), "the recovery notice");
        (await Playground.MessagesAsync("#ops-sev2")).Should().NotContain(m => m.Text.Contains("New ARR"), "a KPI that never had data does not alert");
    }
}
