using ExecOps.Cards.Blockers;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Blockers;

/// <summary>
/// A blocker up the ladder on the test's clock (start 2026-11-02 09:00 UTC). The warehouse belongs to the data team (lead bob,
/// exec dana) whose response SLA in the ownership map is 24 hours; identity's team is led by sam, also 24 hours; the CEO is ceo.
/// </summary>
public sealed class BlockerLadderTests : BotTest
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task<MessageView> CardToAsync(string person, string text) => (await Playground.HearsAsync(person, text)).Last(m => m.Text.Contains(text));

    /// <summary>What a form button on the card sends: the data it carries and what was typed into it.</summary>
    private static Dictionary<string, string> Form(MessageView card, string verb, params (string Key, string Value)[] typed)
    {
        var data = CardJson.DataOf(card.Card!, verb).ToDictionary(p => p.Key, p => (string)p.Value!);
        foreach (var (key, value) in typed) data[key] = value;
        return data;
    }

    private async Task AfterAsync(TimeSpan wait, string key)
    {
        await Bot.ArmedAsync(key);
        Bot.Clock.Advance(wait);
    }

    [Fact]
    public async Task An_unanswered_blocker_climbs_to_the_lead_the_exec_and_the_CEO_and_is_delayed_reassigned_and_cleared_from_its_cards()
    {
        await Playground.OneAsync("alice", "/change new tier:2 service:search \"Ranking v2\"");
        var opened = await Playground.OneAsync("alice", "/blocker \"Need a read replica of the warehouse\" on:warehouse for:CHG-1");
        opened.Text.Should().Be("BLK-1 opened.");
        CardJson.Facts(opened.Card!).Should().Contain("Waiting on: Data Platform (warehouse)").And.Contain("Holds up: CHG-1").And.Contain("Response due: 2026-11-03 09:00 UTC");
        opened.Verbs.Should().Equal([BlockerActions.Unblock], "the opener may only clear it");
        await Playground.HearsAsync("#data", "BLK-1: Alice Chen is blocked on Data Platform (warehouse), holding up CHG-1: Need a read replica of the warehouse. The team's response is due by 2026-11-03 09:00 UTC (24 h); after that it goes to bob.");
        (await Playground.OneAsync("lee", "/blocker unblock BLK-1")).Text.Should().Contain("that needs whoever opened it, or the blocked-on team's lead, its exec, the CEO or an admin");
        (await Playground.OneAsync("alice", "/blocker accept BLK-1 until:2026-11-20 \"fine\"")).Text.Should().Contain("that needs the blocked-on team's lead");

        await AfterAsync(TimeSpan.FromHours(24), "blocker/BLK-1/escalate");
        var bob = await CardToAsync("bob", "It is yours now (rung 1 of the ladder)");
        CardJson.Verbs(bob.Card!).Should().Equal(BlockerActions.Unblock, BlockerActions.Reassign, BlockerActions.AcceptDelay);
        await Playground.HearsAsync("alice", "BLK-1 is escalated to bob: Data Platform did not respond in 24 h.");
        await AfterAsync(TimeSpan.FromHours(24), "blocker/BLK-1/escalate");
        await Playground.HearsAsync("dana", "It is yours now (rung 2 of the ladder)");
        await AfterAsync(TimeSpan.FromHours(24), "blocker/BLK-1/escalate");
        var ceo = await CardToAsync("ceo", "It is yours now (rung 3 of the ladder)");
        (await Bot.PendingAsync("blocker/BLK-1/escalate")).Should().BeNull("the CEO is the top of the ladder");

        var delay = Form(ceo, BlockerActions.AcceptDelay, (BlockerActions.Until, "2026-11-12"), (BlockerActions.Reason, "The replica comes with the Q4 storage order"));
        var delayed = (await Playground.ActionAsync("ceo", ceo.MessageId, BlockerActions.AcceptDelay, delay)).Single();
        CardJson.Facts(delayed.Card!).Should().Contain("Delay accepted until: 2026-11-12: The replica comes with the Q4 storage order");
        await Playground.HearsAsync("alice", "Morgan Reyes accepts the delay of BLK-1 until 2026-11-12");
        (await Playground.ActionAsync("ceo", ceo.MessageId, BlockerActions.AcceptDelay, delay)).Single().Text.Should().Contain("changed since that card was shown");

        await Bot.ArmedAsync("blocker/BLK-1/resume", r => r.DueAt == new DateTimeOffset(2026, 11, 12, 9, 0, 0, TimeSpan.Zero));
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 12, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        var again = await CardToAsync("ceo", "The delay accepted on BLK-1 ended 2026-11-12 and it is still blocked");

        var reassign = Form(again, BlockerActions.Reassign, (BlockerActions.Team, "identity"));
        (await Playground.ActionAsync("ceo", again.MessageId, BlockerActions.Reassign, reassign)).Single().Text.Should().Be("BLK-1 reassigned.");
        await Playground.HearsAsync("#identity", "BLK-1 is reassigned to Identity by Morgan Reyes");
        await Playground.HearsAsync("#data", "BLK-1 is no longer Data Platform's: Morgan Reyes reassigned it to Identity.");
        var sam = await CardToAsync("sam", "BLK-1 is reassigned to Identity");
        (await Bot.PendingAsync("blocker/BLK-1/escalate"))!.DueAt.Should().Be(new DateTimeOffset(2026, 11, 13, 9, 1, 0, TimeSpan.Zero));

        var unblock = Form(sam, BlockerActions.Unblock, (BlockerActions.Note, "Replica ledger-ro-1 is up"));
        var cleared = (await Playground.ActionAsync("sam", sam.MessageId, BlockerActions.Unblock, unblock)).Single();
        cleared.Card!.ToJsonString().Should().Contain("Unblocked by Sam Alvarez");
        cleared.Verbs.Should().BeEmpty();
        await Playground.HearsAsync("alice", "BLK-1 is unblocked by Sam Alvarez: Replica ledger-ro-1 is up.");
        (await Bot.PendingAsync("blocker/BLK-1/escalate")).Should().BeNull();
        (await Playground.OneAsync("alice", "/blocker unblock BLK-1")).Text.Should().Contain("BLK-1 is unblocked, so unblock is not possible");
        CardJson.Text((await Playground.OneAsync("lee", "/blocker show BLK-1")).Card!).Should()
            .Contain("escalated to rung 1: bob").And.Contain("escalated to rung 3: ceo").And.Contain("delay accepted until 2026-11-12")
            .And.Contain("reassigned from Data Platform to Identity").And.Contain("unblocked: Replica ledger-ro-1 is up");
        (await Playground.OneAsync("lee", "/blocker list")).Text.Should().Contain("None.");
    }

    [Theory]
    [InlineData("/blocker \"x\" on:nowhere", "on:nowhere is neither a team nor a service in the ownership map")]
    [InlineData("/blocker \"x\" on:data for:CHG-42", "There is no change CHG-42")]
    [InlineData("/blocker \"x\" on:data for:INC-1", "for:INC-1 is neither a change (CHG-3) nor a decision")]
    [InlineData("/blocker on:data", "Say what is blocked")]
    [InlineData("/blocker \"x\"", "is not a blocker command")]
    [InlineData("/blocker show BLK-7", "There is no blocker BLK-7")]
    [InlineData("/blocker accept BLK-1 until:soon \"x\"", "until:soon is not a date")]
    [InlineData("/blocker reassign BLK-1", "Say where to")]
    public async Task Bad_input_is_refused_saying_what_to_do_and_opens_nothing(string command, string answer)
    {
        (await Playground.OneAsync("alice", command)).Text.Should().Contain(answer);

        (await Playground.OneAsync("alice", "/blocker list")).Text.Should().Contain("None.");
        (await Playground.MessagesAsync("#data")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_delay_must_end_after_today_and_within_ninety_days()
    {
        await Playground.OneAsync("alice", "/blocker \"Schema review\" on:identity");
        (await Playground.OneAsync("sam", "/blocker accept BLK-1 until:2026-11-01 \"later\"")).Text.Should().Contain("must be after today and within 90 days");
        (await Playground.OneAsync("sam", "/blocker accept BLK-1 until:2027-06-01 \"later\"")).Text.Should().Contain("must be after today and within 90 days");
        (await Bot.PendingAsync("blocker/BLK-1/escalate"))!.DueAt.Should().Be(Start.AddHours(24));
    }
}
