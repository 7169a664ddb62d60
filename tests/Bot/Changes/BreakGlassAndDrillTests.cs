using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Changes;

/// <summary>
/// Break glass and rollback drills with the test's clock (start 2026-11-02 09:00 UTC). The sample
/// services: payments (Tier 0, owner sam), search (Tier 1, owner alice), identity (Tier 2, not drilled).
/// </summary>
public sealed class BreakGlassAndDrillTests : BotTest
{
    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text));

    [Fact]
    public async Task Break_glass_grants_at_once_tells_security_expires_by_itself_and_reminds_until_the_review_is_filed()
    {
        (await Playground.OneAsync("sam", "/breakglass service:payments reason:\"Card vault locked out\" duration:2h")).Text
            .Should().StartWith("BG-1: you have emergency access to payments until 2026-11-02 11:00 UTC");
        await Eventually.Until(() => CountAsync("#security", "🔓 Break glass BG-1: Sam Alvarez has emergency access to payments until 11:00 UTC"), n => n == 1, "security told");
        (await Playground.OneAsync("lee", "/breakglass list")).Text.Should().Contain("BG-1: Sam Alvarez on payments until 11:00 UTC");

        await Bot.ArmedAsync("breakglass/BG-1/expiry");
        Bot.Clock.Advance(TimeSpan.FromHours(2));
        await Eventually.Until(() => CountAsync("#security", "🔒 BG-1 expired"), n => n == 1, "the expiry");
        (await Playground.OneAsync("lee", "/breakglass list")).Text.Should().Be("No emergency access is active.");

        await Bot.ArmedAsync("breakglass/BG-1/review");
        Bot.Clock.Advance(TimeSpan.FromHours(46));
        await Eventually.Until(() => CountAsync("sam", "The post-event review of BG-1"), n => n == 1, "the review reminder");
        await Bot.ArmedAsync("breakglass/BG-1/review", r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.Until(() => CountAsync("sam", "It is overdue."), n => n == 1, "the next day's reminder");

        (await Playground.OneAsync("alice", "/breakglass review BG-1 \"not mine\"")).Text.Should().Contain("BG-1's review is Sam Alvarez's to file");
        (await Playground.OneAsync("sam", "/breakglass review BG-1 \"Reset the vault lock; no data read\"")).Text.Should().Be("BG-1 review filed.");
        await Bot.ArmedAsync("breakglass/BG-1/review", r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        // Its trigger may be firing it as well; either way the day's reminder has been handled once this returns.
        await Bot.FireAsync("breakglass/BG-1/review");
        await Bot.DrainOutboxAsync();
        (await CountAsync("sam", "The post-event review of BG-1")).Should().Be(2, "no reminder once the review is filed");

        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Audit.ListAsync("BG-1")).Select(a => (a.Action, a.Outcome)).Should().Equal(
            ("breakglass.grant", "allowed"), ("breakglass.expire", "allowed"), ("/breakglass review", "refused"), ("breakglass.review", "allowed"));
    }

    [Theory]
    [InlineData("/breakglass service:payments reason:\"x\" duration:5h", "at most 4 h")]
    [InlineData("/breakglass service:payments reason:\"x\" duration:soon", "duration:soon is not a duration")]
    [InlineData("/breakglass service:billing reason:\"x\" duration:1h", "service:billing is not in the ownership map")]
    [InlineData("/breakglass service:payments duration:1h", "needs a reason")]
    public async Task A_bad_grant_is_refused_and_nothing_is_granted(string command, string expected)
    {
        (await Playground.OneAsync("sam", command)).Text.Should().Contain(expected);

        (await Playground.OneAsync("lee", "/breakglass list")).Text.Should().Be("No emergency access is active.");
    }

    [Fact]
    public async Task Tier_0_and_1_services_are_reminded_of_their_quarterly_drill_and_a_recorded_drill_resets_the_clock()
    {
        (await Playground.OneAsync("lee", "/change drill overdue")).Text.Should().Contain("payments: never drilled").And.Contain("search: never drilled").And.NotContain("identity");
        await Bot.ArmedAsync("drill/payments");

        Bot.Clock.Advance(TimeSpan.FromDays(91));
        await Eventually.Until(() => CountAsync("sam", "The quarterly rollback drill of payments is due"), n => n == 1, "the drill reminder to payments' owner");
        await Eventually.Until(() => CountAsync("alice", "The quarterly rollback drill of search is due"), n => n == 1, "the drill reminder to search's owner");

        (await Playground.OneAsync("sam", "/change drill record service:payments result:failed time:18m notes:\"Flag flip slow\"")).Text.Should().Contain("failed, rolled back in 18 min");
        await Eventually.Until(() => CountAsync("#payments", "The rollback drill of payments failed (18 min): Flag flip slow"), n => n == 1, "the failed drill told to the service channel");
        (await Playground.OneAsync("lee", "/change drill overdue")).Text.Should().Contain("search: never drilled").And.NotContain("payments");
        (await Bot.PendingAsync("drill/payments"))!.DueAt.Should().Be(Bot.Clock.GetUtcNow().AddDays(91));
        (await Playground.OneAsync("sam", "/change drill record service:identity result:passed time:5m")).Text.Should().Contain("not a Tier 0/1 service");
    }
}
