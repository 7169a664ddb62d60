using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Risks;

/// <summary>
/// Acceptances with the test's clock (start Monday 2026-11-02 09:00 UTC): the sponsor decides from the
/// card, never the requester; reminders 14, 7 and 1 days ahead, each once; expiry on the date; a
/// material change ends it.
/// </summary>
public sealed class RiskAcceptanceTests : BotTest
{
    private async Task<ReplyView> RequestAsync(string who = "alice", string until = "2026-12-02")
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        return await Playground.OneAsync(who, $"/risk accept RISK-1 until:{until} reason:\"Second provider ships in Q1\"");
    }

    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text));

    [Fact]
    public async Task The_sponsor_accepts_from_the_card_and_owner_and_sponsor_are_reminded_14_7_and_1_days_ahead_then_it_expires()
    {
        var request = await RequestAsync();
        request.Verbs.Should().Contain(["risk.acceptance.approve", "risk.acceptance.reject"]);
        var asked = await Eventually.Until(() => Playground.MessagesAsync("dana"), m => m.Any(x => x.Text.Contains("asks you to accept RISK-1")), "the sponsor's card");
        var card = asked.Single(m => m.Text.Contains("asks you to accept"));

        (await Playground.ActionAsync("lee", card.MessageId, "risk.acceptance.approve", request.ActionData("risk.acceptance.approve"))).Single().Text
            .Should().Contain("Only RISK-1's sponsor (dana) or a delegate may accept or reject this risk");
        var accepted = (await Playground.ActionAsync("dana", card.MessageId, "risk.acceptance.approve", request.ActionData("risk.acceptance.approve"))).Single();
        accepted.Visibility.Should().Be("channel", "everyone who sees the card sees the decision");
        CardJson.Facts(accepted.Card!).Should().Contain("State: Approved").And.Contain("Decided by: Dana Okafor");
        accepted.Verbs.Should().BeEmpty();
        (await Playground.ActionAsync("dana", card.MessageId, "risk.acceptance.approve", request.ActionData("risk.acceptance.approve"))).Single().Text
            .Should().Contain("changed since that card was shown", "a double click applies once");
        (await Playground.OneAsync("lee", "/risk show RISK-1")).Text.Should().Contain("State: Accepted").And.Contain("accepted until 2026-12-02 (rated High)");

        await Bot.ArmedAsync("risk/RISK-1/acceptance/1/remind-14");
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 18, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => CountAsync("alice", "expires in 14 day(s)"), n => n == 1, "the 14-day reminder to the owner");
        await Eventually.Until(() => CountAsync("dana", "expires in 14 day(s)"), n => n == 1, "the 14-day reminder to the sponsor, a message of its own");

        await Bot.ArmedAsync("risk/RISK-1/acceptance/1/remind-7");
        Bot.Clock.Advance(TimeSpan.FromDays(7));
        await Eventually.Until(() => CountAsync("dana", "expires in 7 day(s)"), n => n == 1, "the 7-day reminder");

        await Bot.ArmedAsync("risk/RISK-1/acceptance/1/remind-1");
        Bot.Clock.Advance(TimeSpan.FromDays(6));
        await Eventually.Until(() => CountAsync("alice", "expires in 1 day(s)"), n => n == 1, "the 1-day reminder");

        await Bot.ArmedAsync("risk/RISK-1/acceptance/1/expire");
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.Until(() => CountAsync("dana", "expired today; the risk is back in review"), n => n == 1, "the expiry");
        (await Playground.OneAsync("lee", "/risk show RISK-1")).Text.Should().Contain("State: Open").And.Contain("Next review: 2026-12-02").And.Contain("acceptance 1 expired");
        (await CountAsync("alice", "expires in 14 day(s)")).Should().Be(1, "each reminder is sent once");
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_acceptance()
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        var request = await Playground.OneAsync("dana", "/risk accept RISK-1 until:2026-12-02 reason:\"Cheaper to carry\"");

        (await Playground.ActionAsync("dana", request.MessageId, "risk.acceptance.approve", request.ActionData("risk.acceptance.approve"))).Single().Text
            .Should().Be("acceptance 1 is requested, so approve is not possible: that needs an approver other than the requester.");
    }

    [Fact]
    public async Task A_rating_that_goes_up_ends_the_acceptance_and_asks_for_a_new_one()
    {
        var request = await RequestAsync();
        await Playground.ActionAsync("dana", request.MessageId, "risk.acceptance.approve", request.ActionData("risk.acceptance.approve"));

        await Playground.OneAsync("alice", "/risk update RISK-1 p:70%");

        (await Playground.OneAsync("lee", "/risk show RISK-1")).Text.Should().Contain("State: Open").And.Contain("Acceptance: ended until 2026-12-02");
        await Eventually.Until(() => CountAsync("dana", "got worse (High → Critical), so its acceptance has ended"), n => n == 1, "the sponsor to hear the acceptance ended");
        (await Bot.PendingAsync("risk/RISK-1/acceptance/1/expire")).Should().BeNull();
    }

    [Theory]
    [InlineData("2026-11-01", "until:2026-11-01 is not in the future")]
    [InlineData("2027-12-01", "is past the cap of 365 days (2027-11-02)")]
    public async Task An_expiry_in_the_past_or_past_the_cap_is_refused(string until, string expected) =>
        (await RequestAsync(until: until)).Text.Should().Contain(expected);

    [Fact]
    public async Task A_closed_risk_cannot_be_accepted()
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        (await Playground.OneAsync("alice", "/risk close RISK-1 review:2027-01-10")).Text.Should().Contain("Only RISK-1's sponsor");
        await Playground.OneAsync("dana", "/risk close RISK-1 review:2027-01-10");

        (await Playground.OneAsync("alice", "/risk accept RISK-1 until:2026-12-02 reason:\"x\"")).Text.Should().Contain("RISK-1 is closed, so you cannot accept it");
        (await Playground.OneAsync("dana", "/risk close RISK-1 review:2027-01-10")).Text.Should().Contain("RISK-1 is closed, so close is not possible");
        (await Playground.OneAsync("dana", "/risk reopen RISK-1")).Text.Should().Contain("State: Open");
        (await Playground.OneAsync("alice", "/risk accept RISK-1 until:2026-12-02 reason:\"x\"")).Text.Should().Contain("Accept RISK-1?");
    }
}
