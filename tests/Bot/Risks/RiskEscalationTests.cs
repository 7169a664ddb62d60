using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Risks;

/// <summary>
/// Escalations with the test's clock (start Monday 2026-11-02 09:00 UTC): a missed mitigation goes to the
/// sponsor, then to the CEO after 48 hours without an answer; a red risk with nothing shipped in 30 days
/// escalates the same way; only the sponsor (or, once raised, the CEO) decides; nothing repeats after a restart.
/// </summary>
public sealed class RiskEscalationTests : BotTest
{
    private async Task<int> CountAsync(BotFactory bot, string who, string text) => (await bot.Playground().MessagesAsync(who)).Count(m => m.Text.Contains(text));

    private async Task MissedMitigationAsync()
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:10% impact:$100k owner:alice sponsor:dana");
        await Playground.OneAsync("alice", "/risk mitigate RISK-1 \"Second payment provider\" owner:@sam due:2026-11-05");
        await Bot.ArmedAsync("risk/RISK-1/mitigation/1");
        Bot.Clock.Advance(TimeSpan.FromDays(4));
    }

    [Fact]
    public async Task A_missed_mitigation_escalates_to_the_sponsor_then_up_the_ladder_and_the_decision_shows_on_the_card()
    {
        await MissedMitigationAsync();
        var sponsor = await Eventually.Until(() => Playground.MessagesAsync("dana"), m => m.Any(x => x.Text.Contains("Escalation on RISK-1")), "the sponsor's escalation");
        var card = sponsor.Single(m => m.Text.Contains("Escalation on RISK-1"));
        card.Text.Should().Contain("Mitigation 1 \"Second payment provider\" (owner sam) missed its due date 2026-11-05");
        card.Card!.ToJsonString().Should().Contain("risk.escalation.extend").And.Contain("risk.escalation.reassign");

        await Bot.ArmedAsync("risk/RISK-1/escalation/1");
        Bot.Clock.Advance(TimeSpan.FromHours(48));
        var ceo = await Eventually.Until(() => Playground.MessagesAsync("ceo"), m => m.Any(x => x.Text.Contains("Escalated to you")), "the CEO's escalation");
        await Eventually.Until(() => Playground.MessagesAsync("#exec"), m => m.Any(x => x.Text.Contains("RISK-1 escalation 1 went up to ceo")), "the exec channel's notice");

        // The CEO's card is the current one; the sponsor's was shown before the escalation went up.
        var ceoCard = ceo.Single(m => m.Text.Contains("Escalated to you"));
        JsonObject Extend(string date)
        {
            var data = CardJson.DataOf(ceoCard.Card!, "risk.escalation.extend");
            data["date"] = date;
            return data;
        }
        (await Playground.ActionAsync("alice", card.MessageId, "risk.escalation.extend", Extend("2026-12-01"))).Single().Text.Should().Contain("Only RISK-1's sponsor (dana) or a delegate may decide");
        (await Playground.ActionAsync("ceo", card.MessageId, "risk.escalation.extend", Extend("2026-10-01"))).Single().Text.Should().Contain("Extend needs a new due date in the future");
        var decided = (await Playground.ActionAsync("ceo", ceoCard.MessageId, "risk.escalation.extend", Extend("2026-12-01"))).Single();
        decided.Visibility.Should().Be("channel");
        CardJson.Facts(decided.Card!).Should().Contain("Decision: Extend by Morgan Reyes").And.Contain("mitigation 1 extended to 2026-12-01");
        (await Playground.ActionAsync("dana", card.MessageId, "risk.escalation.approve-plan", CardJson.DataOf(card.Card!, "risk.escalation.approve-plan"))).Single().Text
            .Should().Contain("RISK-1 changed since that card was shown", "the sponsor's card is from before the escalation went up and was decided");
        (await Playground.OneAsync("lee", "/risk show RISK-1")).Text.Should().Contain("due 2026-12-01").And.Contain("escalation 1: mitigation 1 extended to 2026-12-01 (rated Low)");
        (await Bot.PendingAsync("risk/RISK-1/mitigation/1"))!.DueAt.Should().Be(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_red_risk_with_nothing_shipped_in_30_days_escalates_and_shipping_keeps_it_quiet()
    {
        await Playground.OneAsync("alice", "/risk add \"SOC2 finding\" category:compliance p:60% impact:$1.5M owner:sam sponsor:ceo");
        await Playground.OneAsync("alice", "/risk add \"Key engineer leaves\" category:people p:60% impact:$1.5M owner:alice sponsor:dana");
        await Playground.OneAsync("alice", "/risk mitigate RISK-2 \"Pair on the billing code\" owner:alice due:2026-11-20");
        Bot.Clock.Advance(TimeSpan.FromDays(10));
        await Playground.OneAsync("alice", "/risk done RISK-2 1 evidence:https://wiki.example.com/pairing");
        await Bot.ArmedAsync("risk/RISK-1/red-check");

        Bot.Clock.Advance(TimeSpan.FromDays(21));

        var ceo = await Eventually.Until(() => Playground.MessagesAsync("ceo"), m => m.Any(x => x.Text.Contains("Escalation on RISK-1")), "the red-risk escalation");
        ceo.Single(m => m.Text.Contains("Escalation on RISK-1")).Text.Should().Contain("RISK-1 is Critical and has shipped no mitigation in the last 30 days");
        await Bot.ArmedAsync("risk/RISK-2/red-check", r => r.DueAt > Bot.Clock.GetUtcNow());
        (await Playground.MessagesAsync("dana")).Should().NotContain(m => m.Text.Contains("Escalation on RISK-2"), "RISK-2 shipped a mitigation 21 days ago");
    }

    [Fact]
    public async Task Nothing_is_sent_twice_after_a_restart()
    {
        await MissedMitigationAsync();
        await Eventually.Until(() => CountAsync(Bot, "dana", "Escalation on RISK-1"), n => n == 1, "the escalation");
        var clock = Bot.Clock;
        await Bot.ArmedAsync("risk/RISK-1/escalation/1");

        Bot.Dispose();
        using var restarted = new BotFactory(Database, clock);
        restarted.CreateClient();
        await restarted.ArmedAsync("risk/RISK-1/escalation/1");
        clock.Advance(TimeSpan.FromHours(1));

        (await restarted.FireAsync("risk/RISK-1/mitigation/1")).Should().BeFalse("the fired reminder is not fired again");
        await restarted.DrainOutboxAsync();
        (await CountAsync(restarted, "dana", "Escalation on RISK-1")).Should().Be(1, "the outbox does not resend");
        clock.Advance(TimeSpan.FromHours(47));
        await Eventually.Until(() => CountAsync(restarted, "ceo", "Escalated to you"), n => n == 1, "the ladder to carry on after the restart");
    }
}
