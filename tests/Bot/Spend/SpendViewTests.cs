using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Spend;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>`/spend`, `/spend expired` and the daily reminder of expired non-prod spend, on the test's clock (start 2026-11-02 09:00 UTC).</summary>
public sealed class SpendViewTests : BotTest
{
    private Task PostAsync(params JsonObject[] rows) => SpendPosts.PostAsync(Bot, rows);

    private static JsonObject Line(string day, decimal amount, string provider, string? service = null, string? team = null, string? env = null, string? expires = null) =>
        SpendPosts.Line(day, amount, provider, service, team, env, expires);

    [Fact]
    public async Task The_last_week_by_service_and_team_against_the_week_before_with_untagged_spend_by_provider()
    {
        await PostAsync(
            Line("2026-10-20", 700, "aws", "payments", "payments-core"), Line("2026-10-27", 1000, "aws", "payments", "payments-core"),
            Line("2026-11-01", 400, "aws", "search", "discovery"), Line("2026-11-01", 55, "datadog"), Line("2026-11-02", 999, "aws", "payments", "payments-core"));

        var card = (await Playground.OneAsync("lee", "/spend")).Text;

        card.Should().Contain("Spend 2026-10-26 to 2026-11-01").And.Contain("Total 1,455.00 USD (+755.00, +108% against the 7 days before)")
            .And.Contain("payments · 1,000.00 (+300.00, +43%)").And.Contain("search · 400.00 (new)")
            .And.Contain("discovery · 400.00 (new)").And.Contain("datadog · 55.00 (new)")
            .And.NotContain("999", "today's exports are still arriving");
    }

    [Fact]
    public async Task Non_prod_spend_billed_past_its_expiry_is_listed_and_its_owner_reminded_each_morning()
    {
        await PostAsync(
            Line("2026-11-01", 12, "aws", "payments", "payments-core", "non-prod", "2026-10-31"),
            Line("2026-11-01", 30, "aws", "search", "discovery", "non-prod", "2026-12-31"),
            Line("2026-11-01", 9, "gcp", null, "growth", "non-prod", "2026-10-15"));

        (await Playground.OneAsync("lee", "/spend expired")).Text.Should().Contain("growth on gcp · expired 2026-10-15 · billed 2026-11-01: 9.00 USD")
            .And.Contain("payments/payments-core on aws · expired 2026-10-31 · billed 2026-11-01: 12.00 USD").And.NotContain("search");

        await Bot.ArmedAsync(SpendReminders.AnomalyKey);
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 3, 7, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => Playground.MessagesAsync("sam"), m => m.Any(x => x.Text.StartsWith("Non-prod spend past its expires date is still billed: payments/payments-core on aws expired 2026-10-31")),
            "payments' owner reminded");
        await Eventually.Until(() => Playground.MessagesAsync("dana"), m => m.Any(x => x.Text.Contains("growth on gcp expired 2026-10-15")), "the FinOps lead reminded of the spend no service owns");
    }

    [Theory]
    [InlineData("/spend days:0", "days:0 must be a whole number of days from 1 to 366.")]
    [InlineData("/spend days:99999999999", "must be a whole number of days")]
    [InlineData("/spend shifts", "`/spend shifts` is not a spend command.")]
    public async Task A_bad_spend_command_says_what_to_do(string command, string answer) =>
        (await Playground.OneAsync("lee", command)).Text.Should().Contain(answer);
}
