using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Spend;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>
/// A known fortnight of spend (W44 and W45 of 2026) and the weekly report run on it, Monday 2026-11-09 08:00 UTC: payments (owner sam)
/// jumps the day after CHG-1 completes there; search (owner alice) triples with no change behind it; team growth (led by priya in the
/// ownership map) falls; identity barely moves.
/// </summary>
public static class SpendDataSet
{
    public static readonly DateTimeOffset Report = new(2026, 11, 9, 8, 0, 0, TimeSpan.Zero);

    private static IEnumerable<JsonObject> Days(DateOnly from, int count, Func<DateOnly, decimal> amount, string provider, string? service, string team) =>
        Enumerable.Range(0, count).Select(i => from.AddDays(i)).Select(d => SpendPosts.Line($"{d:yyyy-MM-dd}", amount(d), provider, service, team));

    public static async Task MoversWeekAsync(BotFactory bot, PlaygroundClient playground)
    {
        const string Change = "/change new tier:2 service:payments \"Card cache\" scope:\"warm the card cache\" rollback:\"flag off\" metrics:\"p95_latency_ms<=300\" owner:@sam";
        await playground.OneAsync("sam", Change);
        await bot.ArmedAsync(SpendReminders.WeeklyKey, r => r.DueAt == Report);
        bot.Clock.Advance(Report.AddHours(-1) - bot.Clock.GetUtcNow());
        var http = bot.CreateClient();
        await ChangeEvents.PostAsync(http, "CHG-1", """{"kind":"started","at":"2026-11-03T15:00:00Z"}""");
        await ChangeEvents.PostAsync(http, "CHG-1", """{"kind":"completed","at":"2026-11-03T16:00:00Z"}""");
        var w44 = new DateOnly(2026, 10, 26);
        await SpendPosts.PostAsync(bot, [
            .. Days(w44, 14, d => d < new DateOnly(2026, 11, 4) ? 1000 : 2500, "aws", "payments", "payments-core"),
            .. Days(w44, 14, d => d < new DateOnly(2026, 11, 2) ? 500 : 1500, "gcp", "search", "discovery"),
            .. Days(w44, 14, d => d < new DateOnly(2026, 11, 2) ? 2000 : 1600, "aws", null, "growth"),
            .. Days(w44, 14, d => d < new DateOnly(2026, 11, 2) ? 300 : 310, "aws", "identity", "identity"),
        ]);
        bot.Clock.Advance(TimeSpan.FromMinutes(61));
        await bot.ArmedAsync(SpendReminders.WeeklyKey, r => r.DueAt == Report.AddDays(7));
        await bot.DrainOutboxAsync();
    }
}
