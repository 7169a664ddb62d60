using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Resilience;

/// <summary>
/// The resilience scorecard on the test's clock (start 2026-11-02 09:00 UTC). The map's Tier 0/1 entries: payments (RTO 60 min,
/// RPO 5 min, owner sam), the ledger (RTO 60 min, RPO 1 min, owner sam) and search (RTO 4 h, owner alice); the data team's
/// exec is dana.
/// </summary>
public sealed class ResilienceScorecardTests : BotTest
{

    private async Task<string> ScorecardAsync() => CardJson.Text((await Playground.OneAsync("lee", "/resilience")).Card!);

    [Fact]
    public async Task Drills_and_game_days_move_the_scorecard_and_each_failure_opens_a_risk_with_its_evidence()
    {
        var before = await ScorecardAsync();
        before.Should().Contain("🔴 Payments API (payments) · Tier 0 · no DR drill on record").And.Contain("🔴 Ledger database (ledger) · Tier 0").And.Contain("🔴 Search (search) · Tier 1")
            .And.NotContain("identity");

        (await Playground.OneAsync("sam", "/resilience drill service:payments result:passed recovery:45m data-loss:2m notes:\"Failover to eu-west-2\"")).Text
            .Should().Be("DR drill of payments recorded: passed, recovered in 45 min. Within its targets.");
        (await Playground.OneAsync("bob", "/resilience drill service:ledger result:passed recovery:10m notes:\"x\"")).Text.Should().Contain("Only the service's owner, an incident commander or an admin may record ledger's DR drill");
        (await Playground.OneAsync("sam", "/resilience drill service:identity result:passed recovery:10m notes:\"x\"")).Text.Should().Contain("identity is not Tier 0 or 1");
        (await Playground.OneAsync("sam", "/resilience drill service:ledger result:passed recovery:90m notes:\"Restore from snapshot was slow\"")).Text
            .Should().Be("DR drill of ledger recorded: passed, recovered in 90 min. It missed its targets, so RISK-1 is open in the risk register.");
        await Playground.HearsAsync("#incidents", "The DR drill of ledger recovered in 90 min, past its RTO of 60 min: Restore from snapshot was slow. RISK-1 is open in the risk register.");
        var risk = (await Playground.OneAsync("dana", "/risk show RISK-1")).Card!;
        risk.ToJsonString().Should().Contain("Ledger database DR drill recovered in 90 min, past its RTO of 60 min");
        CardJson.Facts(risk).Should().Contain("Category: Reliability").And.Contain("Owner: Sam Alvarez").And.Contain("Sponsor: Dana Okafor");

        var gameDay = await Playground.OneAsync("sam", "/resilience gameday add \"Lose eu-west-1\" service:payments scenario:\"Region outage during peak\" on:2026-11-05");
        CardJson.Facts(gameDay.Card!).Should().Contain("On: 2026-11-05").And.Contain("Result: not run yet");
        await Bot.ArmedAsync("gameday/GD-1/due");
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 5, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Playground.HearsAsync("sam", "Game day GD-1 \"Lose eu-west-1\" on payments is today");
        (await Playground.OneAsync("lee", "/resilience gameday record GD-1 result:passed notes:\"x\" with:@dana")).Text.Should().Contain("that needs the service's owner, an incident commander or an admin");
        CardJson.Facts((await Playground.OneAsync("sam", "/resilience gameday record GD-1 result:passed notes:\"Failed over in 12 min\" with:@dana,@alice")).Card!)
            .Should().Contain("Took part: Dana Okafor, Alice Chen");
        (await Playground.OneAsync("sam", "/resilience gameday record GD-1 result:failed notes:\"again\" with:@dana")).Text.Should().Contain("GD-1 is passed, so fail is not possible");

        await Playground.OneAsync("alice", "/resilience gameday add \"Kill the index\" service:search scenario:\"Index node loss\" on:2026-11-05");
        (await Playground.OneAsync("alice", "/resilience gameday record GD-2 result:failed notes:\"Queries timed out for 20 min\" with:@ceo,@bob")).Card!.ToJsonString().Should().Contain("RISK-2");
        await Playground.HearsAsync("#incidents", "Game day GD-2 \"Kill the index\" on search failed: Queries timed out for 20 min");

        var after = await ScorecardAsync();
        after.Should().Contain("🟢 Payments API (payments) · Tier 0 · drilled within its targets, game day run")
            .And.Contain("2026-11-02, passed, recovered in 45 min, lost 2 min").And.Contain("1 run, last 2026-11-05; execs: Dana Okafor")
            .And.Contain("🔴 Ledger database (ledger) · Tier 0 · the last DR drill missed its targets").And.Contain("RISK-1")
            .And.Contain("🔴 Search (search) · Tier 1 · no DR drill on record").And.Contain("RISK-2");
        CardJson.Text((await Playground.OneAsync("lee", "/resilience gameday list")).Card!).Should()
            .Contain("GD-1 · 2026-11-05 · payments · Lose eu-west-1 · passed, with Dana Okafor, Alice Chen").And.Contain("GD-2 · 2026-11-05 · search · Kill the index · failed, with Morgan Reyes, Bob Martins · RISK-2");

        Bot.Clock.Advance(TimeSpan.FromDays(91));
        (await ScorecardAsync()).Should().Contain("🔴 Payments API (payments) · Tier 0 · DR drill overdue since 2027-02-01");
    }

    [Theory]
    [InlineData("/resilience drill service:payments result:maybe recovery:10m notes:\"x\"", "result:passed or result:failed")]
    [InlineData("/resilience drill service:payments result:passed recovery:soon notes:\"x\"", "recovery:<n>m in whole minutes")]
    [InlineData("/resilience drill service:payments result:passed notes:\"x\"", "recovery:<n>m, the time it took to recover")]
    [InlineData("/resilience drill service:nowhere result:passed recovery:5m notes:\"x\"", "service:nowhere is not in the ownership map")]
    [InlineData("/resilience gameday add \"x\" service:payments scenario:\"y\" on:2020-01-01", "on:YYYY-MM-DD, from today (2026-11-02)")]
    [InlineData("/resilience gameday record GD-9 result:passed notes:\"x\" with:@dana", "There is no game day GD-9")]
    [InlineData("/resilience gameday record GD-9 result:passed notes:\"x\"", "with:@a,@b")]
    [InlineData("/resilience gameday frob", "is not a game-day command")]
    public async Task Bad_input_is_refused_saying_what_to_do_and_records_nothing(string command, string answer)
    {
        (await Playground.OneAsync("sam", command)).Text.Should().Contain(answer);

        (await ScorecardAsync()).Should().Contain("🔴 Payments API (payments) · Tier 0 · no DR drill on record");
        CardJson.Text((await Playground.OneAsync("sam", "/resilience gameday list")).Card!).Should().Contain("None yet");
    }
}
