using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Risks;

namespace ExecOps.Tests.Bot.Risks;

/// <summary>
/// The weekly risk review on its cron schedule (Monday 10:00 UTC; the test clock starts the Friday
/// before, 2026-10-30 09:00, so that a review date set then has passed by Monday), its decisions from
/// the item cards, and the follow-up tasks it opens, sent as signed tickets to a fake ticketing webhook on loopback.
/// </summary>
public sealed class RiskReviewTests() : WebhookBotTest("tickets", "ticket-secret", new ManualClock(new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.Zero)))
{
    [Fact]
    public async Task The_agenda_is_posted_on_schedule_and_decisions_from_its_cards_are_logged_with_who_and_when()
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana review:2026-11-01");
        await Playground.OneAsync("alice", "/risk add \"Office lease\" category:financial p:5% impact:$20k owner:bob sponsor:dana review:2027-01-01");
        await Bot.ArmedAsync(RiskService.WeeklyReviewKey);

        Bot.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        var posted = await Eventually.Until(() => Playground.MessagesAsync("#exec"), m => m.Count >= 2, "the agenda and its item card");
        posted.Should().Contain(m => m.Text == "Weekly risk review 2026-11-02: 1 risk(s) on the agenda.");
        var item = posted.Single(m => m.Text.StartsWith("RISK-1"));
        item.Text.Should().Be("RISK-1 Checkout outage: red (High); past its review date 2026-11-01");
        CardJson.Verbs(item.Card!).Should().Contain(["risk.review.accept", "risk.review.escalate", "risk.review.fund", "risk.review.close"]);
        var review = await Playground.CommandAsync("lee", "/risk review");
        review.Should().HaveCount(2, "the agenda, then one card per risk on it");
        review[0].Text.Should().Contain("RISK-1 Checkout outage").And.NotContain("Office lease");
        review[1].Verbs.Should().Contain("risk.review.close");

        var task = await Eventually.Until(() => Playground.MessagesAsync("alice"), m => m.Any(x => x.Text.Contains("New task TASK-1")), "the stale risk's task");
        (await Playground.OneAsync("alice", "/tasks")).Text.Should().Contain("TASK-1 (2026-11-02): RISK-1 \"Checkout outage\" is past its review date 2026-11-01");

        // Each press carries the version of the card it was pressed on: the agenda item first, then the card each decision answered with.
        JsonObject Press(JsonObject card, string verb)
        {
            var data = CardJson.DataOf(card, verb);
            data["note"] = "$80k for a second provider";
            data["date"] = "2027-02-01";
            return data;
        }
        (await Playground.ActionAsync("bob", item.MessageId, "risk.review.fund", Press(item.Card!, "risk.review.fund"))).Single().Text.Should().Contain("Only RISK-1's sponsor (dana)");
        var funded = (await Playground.ActionAsync("dana", item.MessageId, "risk.review.fund", Press(item.Card!, "risk.review.fund"))).Single();
        funded.Visibility.Should().Be("channel");
        (await Playground.ActionAsync("dana", item.MessageId, "risk.review.escalate", Press(item.Card!, "risk.review.escalate"))).Single().Text
            .Should().Contain("RISK-1 changed since that card was shown", "the agenda item is older than the fund decision");
        var escalated = (await Playground.ActionAsync("dana", item.MessageId, "risk.review.escalate", Press(funded.Card!, "risk.review.escalate"))).Single();
        escalated.Text.Should().Contain("Last decision: escalated at the weekly review");
        await Eventually.Until(() => Playground.MessagesAsync("dana"), m => m.Any(x => x.Text.Contains("Raised at the weekly risk review by Dana Okafor")), "the escalation card");
        var closed = (await Playground.ActionAsync("dana", item.MessageId, "risk.review.close", Press(escalated.Card!, "risk.review.close"))).Single();
        CardJson.Facts(closed.Card!).Should().Contain("Last decision: closed; next review 2027-02-01 (Dana Okafor, 2026-11-02)");
        closed.Verbs.Should().BeEmpty();
        (await Playground.OneAsync("lee", "/risk show RISK-1")).Text.Should().Contain("funded at the weekly review: $80k for a second provider (rated High)")
            .And.Contain("escalated at the weekly review").And.Contain("State: Closed");
    }

    [Fact]
    public async Task An_expired_acceptance_opens_a_task_for_the_owner_sent_once_as_a_signed_ticket()
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        var request = await Playground.OneAsync("alice", "/risk accept RISK-1 until:2026-11-04 reason:\"Provider switch this week\"");
        await Playground.ActionAsync("dana", request.MessageId, "risk.acceptance.approve", request.ActionData("risk.acceptance.approve"));
        await Bot.ArmedAsync("risk/RISK-1/acceptance/1/expire");

        Bot.Clock.Advance(TimeSpan.FromDays(5));

        var ticket = (await Webhook.WaitForAsync("the ticket webhook's call")).Single();
        ticket.IsSignedWith(Secret).Should().BeTrue("the receiver can check the call came from the bot");
        ticket.IdempotencyKey.Should().StartWith("ob-");
        ((string)JsonNode.Parse(ticket.Body)!["summary"]!).Should().Contain("TASK-1 for alice: RISK-1 \"Checkout outage\": its acceptance expired");
        (await Playground.OneAsync("alice", "/tasks")).Text.Should().Contain("TASK-1");
        (await Playground.OneAsync("alice", "/tasks done TASK-1")).Text.Should().StartWith("TASK-1 done");
        (await Playground.OneAsync("alice", "/tasks")).Text.Should().Be("You have no open tasks.");
        (await Playground.OneAsync("bob", "/tasks done TASK-1")).Text.Should().Contain("TASK-1 is alice's task, not yours");
        await Bot.DrainOutboxAsync();
        Webhook.Calls.Should().ContainSingle("a ticket is sent once");
    }
}
