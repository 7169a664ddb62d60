using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Kpis;

/// <summary>
/// Seed §3's change control, through the Playground: an RFC proposed in chat, decided by the
/// Governance Council from its card, in force on its date (test clock), and kept across a restart.
/// </summary>
public sealed class KpiChangeControlTests : BotTest
{
    private const string Proposal = "/kpi propose uptime target:99.95 green:99.95 impact:\"Three teams dip to yellow\" validation:\"Backfilled 12 weeks; matches the SLI exporter\" migration:\"Dashboards read the new target on the date\" effective:2026-11-05";

    private async Task<string> ShowAsync() => (await Playground.OneAsync("lee", "/kpi show uptime")).Text;

    [Fact]
    public async Task A_change_is_proposed_approved_by_the_council_from_its_card_and_in_force_on_its_date()
    {
        var proposed = await Playground.OneAsync("alice", Proposal);
        CardJson.Facts(proposed.Card!).Should().Contain("Change: target: 99.9 → 99.95").And.Contain("Impact analysis: Three teams dip to yellow").And.Contain("Effective: 2026-11-05");
        proposed.Verbs.Should().Contain(["kpi.change.approve", "kpi.change.reject"]);
        var council = await Eventually.Until(() => Playground.MessagesAsync("#governance-council"), m => m.Count > 0, "the council's card");
        council.Single().Text.Should().Contain("RFC-1: Alice Chen proposes changing Uptime (SLO) (target, green), effective 2026-11-05");

        (await Playground.ActionAsync("alice", proposed.MessageId, "kpi.change.approve", proposed.ActionData("kpi.change.approve"))).Single().Text
            .Should().Contain("Only the Governance Council decides KPI definition changes");
        var approved = (await Playground.ActionAsync("dana", proposed.MessageId, "kpi.change.approve", proposed.ActionData("kpi.change.approve"))).Single();
        CardJson.Facts(approved.Card!).Should().Contain("State: Approved").And.Contain("Approved by: Dana Okafor");
        approved.Verbs.Should().BeEmpty("a decided change has nothing left to press");
        (await Playground.ActionAsync("ceo", proposed.MessageId, "kpi.change.approve", proposed.ActionData("kpi.change.approve"))).Single().Text
            .Should().Contain("RFC-1 changed since that card was shown", "a second press on a stale card applies nothing");

        (await ShowAsync()).Should().Contain("Weekly target: 99.9%").And.Contain("RFC-1 · approved · effective 2026-11-05 · target 99.9 → 99.95, green 99.9 → 99.95");

        await Bot.ArmedAsync("kpi-change/RFC-1/effective");
        Bot.Clock.Advance(TimeSpan.FromDays(3));
        await Eventually.Until(ShowAsync, text => text.Contains("Weekly target: 99.95%"), "the change to take effect");
        (await ShowAsync()).Should().Contain("RFC-1 · effective · effective 2026-11-05");
        await Eventually.Until(() => Playground.MessagesAsync("alice"), m => m.Any(x => x.Text.Contains("RFC-1 is in force")), "the proposer to hear it is in force");
    }

    [Fact]
    public async Task A_change_in_force_survives_a_restart()
    {
        var proposed = await Playground.OneAsync("alice", Proposal.Replace("2026-11-05", "2026-11-02"));
        await Playground.ActionAsync("dana", proposed.MessageId, "kpi.change.approve", proposed.ActionData("kpi.change.approve"));
        await Eventually.Until(ShowAsync, text => text.Contains("Weekly target: 99.95%"), "the change to take effect at once");

        Bot.Dispose();
        using var restarted = new BotFactory(Database);

        (await restarted.Playground().OneAsync("lee", "/kpi show uptime")).Text.Should().Contain("Weekly target: 99.95%");
    }

    [Fact]
    public async Task The_proposer_cannot_approve_their_own_change_and_a_rejection_needs_a_reason()
    {
        var proposed = await Playground.OneAsync("dana", Proposal);

        (await Playground.ActionAsync("dana", proposed.MessageId, "kpi.change.approve", proposed.ActionData("kpi.change.approve"))).Single().Text
            .Should().Be("RFC-1 is proposed, so it cannot be approved: that needs a council member other than the proposer.");
        (await Playground.ActionAsync("ceo", proposed.MessageId, "kpi.change.reject", proposed.ActionData("kpi.change.reject"))).Single().Text
            .Should().Contain("Say why the change is rejected");
        var rejected = (await Playground.ActionAsync("ceo", proposed.MessageId, "kpi.change.reject", new Dictionary<string, string>(proposed.ActionData("kpi.change.reject").Select(p => KeyValuePair.Create(p.Key, (string)p.Value!))) { ["reason"] = "Validate against Q3 first" })).Single();
        CardJson.Facts(rejected.Card!).Should().Contain("Rejected by: Morgan Reyes").And.Contain("Validate against Q3 first");
        (await ShowAsync()).Should().Contain("Weekly target: 99.9%").And.Contain("RFC-1 · rejected");
    }

    [Theory]
    [InlineData("alice", "/kpi propose uptime target:99.95 effective:2026-11-05", "needs impact:\"…\", validation:\"…\", migration:\"…\"")]
    [InlineData("alice", "/kpi propose uptime impact:x validation:y migration:z effective:2026-11-05", "Say what changes")]
    [InlineData("alice", "/kpi propose uptime yellow:99.95 impact:x validation:y migration:z effective:2026-11-05", "yellow (99.95) must stay on the bad side of green (99.9)")]
    [InlineData("alice", "/kpi propose uptime target:high impact:x validation:y migration:z effective:2026-11-05", "target:high is not a number")]
    [InlineData("alice", "/kpi propose uptime owner:@nobody impact:x validation:y migration:z effective:2026-11-05", "owner:@nobody is not in the directory")]
    [InlineData("alice", "/kpi propose uptime target:99.95 impact:x validation:y migration:z effective:2026-10-01", "is in the past")]
    [InlineData("alice", "/kpi propose uptime target:99.95 impact:x validation:y migration:z effective:soon", "must be the date the change takes effect")]
    [InlineData("alice", "/kpi propose uptime colour:red impact:x validation:y migration:z effective:2026-11-05", "`colour:` is not something a change can set")]
    [InlineData("lee", "/kpi propose uptime target:99.95 impact:x validation:y migration:z effective:2026-11-05", "you (Lee Park) are none of these")]
    public async Task A_proposal_that_cannot_be_taken_says_why_and_nothing_is_proposed(string who, string command, string expected)
    {
        (await Playground.OneAsync(who, command)).Text.Should().Contain(expected);

        (await ShowAsync()).Should().NotContain("RFC-");
    }
}
