using ExecOps.Tests.Support;
using ExecOps.Workflows.Spend;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>A $30,000 monthly budget for payments (owner sam), alerting at 80% and 100%, on the test's clock (start 2026-11-02 09:00 UTC; checks at 07:00).</summary>
public sealed class BudgetTests() : BotTest(new()
{
    ["Spend:Budgets:0:Name"] = "payments-cloud", ["Spend:Budgets:0:Service"] = "payments", ["Spend:Budgets:0:Monthly"] = "30000",
})
{
    private Task PostAsync(string day, decimal amount) => SpendPosts.PostAsync(Bot, SpendPosts.Line(day, amount, "aws", "payments"));

    private async Task MorningAsync(int day)
    {
        await Bot.ArmedAsync(SpendReminders.AnomalyKey, r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, day, 7, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Bot.ArmedAsync(SpendReminders.AnomalyKey, r => r.DueAt == new DateTimeOffset(2026, 11, day + 1, 7, 0, 0, TimeSpan.Zero));
        await Bot.DrainOutboxAsync();
    }

    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text));

    [Fact]
    public async Task A_forecast_past_80_percent_alerts_once_and_spend_past_100_alerts_once_to_the_owner_and_the_FinOps_channel()
    {
        await PostAsync("2026-11-01", 1000);
        await PostAsync("2026-11-02", 700);

        await MorningAsync(3);
        (await CountAsync("sam", "Budget payments-cloud (2026-11, 30,000.00 USD) has reached 80%: 1,700.00 spent to 2026-11-02 (6%), 25,500.00 forecast for the month at the current daily rate (85%).")).Should().Be(1);
        (await CountAsync("#finops", "has reached 80%")).Should().Be(1);
        (await Playground.OneAsync("lee", "/spend budgets")).Text.Should().Contain("payments-cloud (payments) · 1,700.00 of 30,000.00 USD spent (6%) · forecast 25,500.00 (85%) · ⚠ past 80%");

        await MorningAsync(4);
        (await CountAsync("sam", "has reached 80%")).Should().Be(1, "each threshold alerts once a month");

        await PostAsync("2026-11-04", 29000);
        await MorningAsync(5);
        (await CountAsync("sam", "has reached 100%: 30,700.00 spent to 2026-11-04 (102%)")).Should().Be(1);
        (await CountAsync("sam", "has reached 80%")).Should().Be(1);
    }
}
