using ExecOps.Tests.Support;
using ExecOps.Workflows.Spend;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>
/// The daily anomaly check (07:00 UTC) on the test's clock (start 2026-11-02 09:00 UTC): payments has spent about $1,000 a day
/// on aws for four weeks; its owner in the ownership map is sam.
/// </summary>
public sealed class SpendAnomalyTests : BotTest
{
    private async Task PostHistoryAsync(decimal lastDay, string? tenant = null)
    {
        var rows = Enumerable.Range(2, 28).Reverse()
            .Select(back => SpendPosts.Line($"{new DateOnly(2026, 11, 2).AddDays(-back):yyyy-MM-dd}", 1000 + (back * 37 % 61) - 30, "aws", "payments", "payments-core"))
            .Append(SpendPosts.Line("2026-11-02", lastDay, "aws", "payments", "payments-core", tenant: tenant)).ToArray();
        await SpendPosts.PostAsync(Bot, rows);
    }

    private async Task CheckNextMorningAsync()
    {
        await Bot.ArmedAsync(SpendReminders.AnomalyKey);
        (await Bot.PendingAsync(SpendReminders.AnomalyKey))!.DueAt.Should().Be(new DateTimeOffset(2026, 11, 3, 7, 0, 0, TimeSpan.Zero));
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 3, 7, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Bot.ArmedAsync(SpendReminders.AnomalyKey, r => r.DueAt == new DateTimeOffset(2026, 11, 4, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_spike_opens_a_task_for_the_services_owner_naming_the_change_the_new_tag_and_the_line_that_moved()
    {
        const string Change = "/change new tier:2 service:payments \"Cache warmer\" scope:\"warm the card cache\" rollback:\"flag off\" metrics:\"p95_latency_ms<=300\" owner:@sam";
        await Playground.OneAsync("sam", Change);
        var http = Bot.CreateClient();
        await ChangeEvents.PostAsync(http, "CHG-1", """{"kind":"started","at":"2026-11-02T08:00:00Z"}""");
        await ChangeEvents.PostAsync(http, "CHG-1", """{"kind":"completed","at":"2026-11-02T08:30:00Z"}""");
        await PostHistoryAsync(2400m, tenant: "globex");

        await CheckNextMorningAsync();

        var tasks = (await Playground.OneAsync("sam", "/tasks")).Text;
        tasks.Should().Contain("Spend anomaly on payments, 2026-11-02: 2,400.00 USD against a 28-day median of")
            .And.Contain("CHG-1 \"Cache warmer\" completed 2026-11-02 08:30 UTC")
            .And.Contain("new tag tenant:globex")
            .And.Contain("the aws line moved most");
    }

    [Fact]
    public async Task An_ordinary_day_opens_nothing()
    {
        await PostHistoryAsync(1015m);

        await CheckNextMorningAsync();

        (await Playground.OneAsync("sam", "/tasks")).Text.Should().Be("You have no open tasks.");
    }
}
