using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Ownership;

/// <summary>
/// A known week of load (2026-W45, from the test's start on Monday 2026-11-02): incidents on payments (a Sev1, a Sev3) and
/// search (a Sev2), one on a service outside the map; blockers on the data team (two) and identity (one); tasks for bob
/// (who leads data, two) and alice (who leads discovery, one). Eleven in all over six entries: data owns one and carries four.
/// </summary>
public sealed class OperationalLoadTests : BotTest
{
    [Fact]
    public async Task Each_team_s_load_is_counted_from_the_bots_records_and_the_teams_above_their_share_are_named()
    {
        foreach (var declare in new[] { "sev1 \"Card errors\" service:payments", "sev3 \"Slow refunds\" service:payments", "sev2 \"Search down\" service:search", "sev4 \"Typo\" service:billing" })
            await Playground.OneAsync("alice", "/incident declare " + declare);
        foreach (var on in new[] { "data", "warehouse", "identity" })
            await Playground.OneAsync("alice", $"/blocker \"Waiting\" on:{on}");
        await Bot.Services.GetRequiredService<Store>().WriteAsync(async unit =>
        {
            foreach (var (owner, n) in new[] { ("bob", 1), ("bob", 2), ("alice", 3) })
                await FollowUps.CreateAsync(unit, new FollowUpRequest($"load-test/{n}", owner, $"Task {n}", "load-test"));
            return true;
        });
        Bot.Clock.Advance(TimeSpan.FromDays(7));

        var load = await Playground.OneAsync("dana", "/owner load weeks:1");

        var text = CardJson.Text(load.Card!);
        text.Should().Contain("Operational load 2026-11-02 to 2026-11-08").And.Contain("Above their share: Data Platform (218%).")
            .And.Contain("Data Platform · 0 incident(s), 0 page(s), 2 task(s), 2 blocker(s) on it · 4 in 1 week(s), 4 a week · 218% of its share")
            .And.Contain("Payments Core · 2 incident(s), 1 page(s), 0 task(s), 0 blocker(s) on it · 3 in 1 week(s), 3 a week · 82% of its share")
            .And.Contain("Discovery · 1 incident(s), 1 page(s), 1 task(s), 0 blocker(s) on it · 3 in 1 week(s), 3 a week · 82% of its share")
            .And.Contain("Identity · 0 incident(s), 0 page(s), 0 task(s), 1 blocker(s) on it · 1 in 1 week(s), 1 a week · 55% of its share")
            .And.Contain("Growth · 0 incident(s)");
        text.IndexOf("Data Platform ·", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Payments Core ·", StringComparison.Ordinal), "the furthest above its share comes first");

        CardJson.Text((await Playground.OneAsync("dana", "/owner load")).Card!).Should().Contain("2026-10-12 to 2026-11-08");
        (await Playground.OneAsync("dana", "/owner load weeks:99")).Text.Should().Contain("weeks:99 must be a whole number of weeks from 1 to 52");
    }
}
