using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Changes;

/// <summary>
/// DORA numbers on a data set worked out by hand, in 2026-W45 (the test clock's week):
/// CHG-1 Tier 1 payments, first commit Oct 30 09:00, completed Nov 2 09:00: lead 72 h, fine.
/// CHG-2 Tier 1 payments, first commit Nov 1 09:00, completed Nov 2 09:00: lead 24 h, then hotfixed: failed.
/// CHG-3 Tier 1 search, rolled back Nov 2 09:00: failed, no lead time.
/// CHG-4 Tier 2 search, first commit Nov 2 07:00, completed 09:00: lead 2 h; not in the failure rate.
/// Company: 2 of 3 Tier 0/1 failed = 66.7%; lead times 72, 24, 2 h, median 24 h; 3 deployments.
/// Payments: 1 of 2 = 50%; median of 72 and 24 = 48 h; 2 deployments.
/// </summary>
public sealed class ChangeStatsTests : BotTest
{
    private const string Tier1 = "scope:\"x\" rollback:\"y\" metrics:\"error_rate<=1\"";

    private async Task EventAsync(string id, string json) =>
        (await ChangeEvents.PostAsync(Playground.Http, id, json)).Status.Should().Be(System.Net.HttpStatusCode.OK);

    private async Task ApprovedAsync(string command, string approver)
    {
        var created = await Playground.OneAsync("alice", command);
        if (created.Verbs.Contains("change.approve")) await Playground.ActionAsync(approver, created.MessageId, "change.approve", created.ActionData("change.approve"));
    }

    private async Task DataSetAsync()
    {
        await ApprovedAsync($"/change new tier:1 service:payments \"Vault v2\" {Tier1}", "sam");
        await ApprovedAsync($"/change new tier:1 service:payments \"Token rotation\" {Tier1}", "sam");
        await ApprovedAsync($"/change new tier:1 service:search \"Index rebuild\" {Tier1}", "alice");
        await ApprovedAsync("/change new tier:2 service:search \"Ranking tweak\"", "nobody: Tier 2 approves itself");

        await EventAsync("CHG-1", """{"kind":"started","first_commit_at":"2026-10-30T09:00:00Z","at":"2026-11-01T09:00:00Z"}""");
        await EventAsync("CHG-1", """{"kind":"completed","at":"2026-11-02T09:00:00Z"}""");
        await EventAsync("CHG-2", """{"kind":"started","first_commit_at":"2026-11-01T09:00:00Z","at":"2026-11-02T08:00:00Z"}""");
        await EventAsync("CHG-2", """{"kind":"completed","at":"2026-11-02T09:00:00Z"}""");
        await EventAsync("CHG-2", """{"kind":"hotfix","detail":"null check"}""");
        await EventAsync("CHG-3", """{"kind":"started","first_commit_at":"2026-11-02T03:00:00Z","at":"2026-11-02T08:00:00Z"}""");
        await EventAsync("CHG-3", """{"kind":"rolled_back","at":"2026-11-02T09:00:00Z"}""");
        await EventAsync("CHG-4", """{"kind":"started","first_commit_at":"2026-11-02T07:00:00Z","at":"2026-11-02T08:30:00Z"}""");
        await EventAsync("CHG-4", """{"kind":"completed","at":"2026-11-02T09:00:00Z"}""");
    }

    [Fact]
    public async Task Change_failure_rate_lead_time_and_deployments_match_the_hand_worked_numbers()
    {
        await DataSetAsync();

        (await Playground.OneAsync("lee", "/change stats weeks:2")).Text.Should()
            .Contain("2026-W44: change failure rate n/a (no Tier 0/1 finished) · lead time n/a · 0 deployment(s)")
            .And.Contain("2026-W45: change failure rate 66.7% (2 of 3 Tier 0/1) · lead time 24 h median · 3 deployment(s)");
        (await Playground.OneAsync("lee", "/change stats payments weeks:1")).Text.Should().Contain("2026-W45: change failure rate 50% (1 of 2 Tier 0/1) · lead time 48 h median · 2 deployment(s)");
        (await Playground.OneAsync("lee", "/change stats discovery weeks:1")).Text.Should().Contain("2026-W45: change failure rate 100% (1 of 1 Tier 0/1) · lead time 2 h median · 1 deployment(s)");
    }

    [Fact]
    public async Task The_numbers_feed_the_scoreboards_change_failure_rate_and_velocity()
    {
        await DataSetAsync();

        var facts = CardJson.Facts((await Playground.OneAsync("dana", "/scoreboard week:current")).Card!);
        facts.Should().Contain("🔴 Change Failure Rate: red · 66.7%").And.Contain("🟢 Velocity (DORA: Lead Time): green · 24 h");
        CardJson.Facts((await Playground.OneAsync("dana", "/scoreboard service:payments week:current")).Card!).Should().Contain("🔴 Change Failure Rate: red · 50%");
    }

    [Theory]
    [InlineData("/change stats billing", "`billing` is neither a service nor a team in the ownership map")]
    [InlineData("/change stats weeks:0", "weeks:0 must be a whole number from 1 to 52")]
    public async Task Bad_input_is_answered(string command, string expected) =>
        (await Playground.OneAsync("lee", command)).Text.Should().Contain(expected);
}
