using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Decisions;

/// <summary>The decision log's clock, with the test's (start 2026-11-02 09:00 UTC): the 24-hour logging rule after a readout, and milestone and revisit reminders.</summary>
public sealed class DecisionReminderTests : BotTest
{
    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text));

    [Fact]
    public async Task After_a_readout_its_owner_is_reminded_until_every_decision_is_logged()
    {
        (await Playground.OneAsync("dana", "/readout start decisions:2")).Text.Should().Be("RO-1 started: 2 decision(s) to log with `/decision new` by 2026-11-03 09:00 UTC.");
        await Playground.OneAsync("dana", "/decision new \"Wave 4\" verdict:expand owner:@bob approver:@ceo budget:$250k");
        await Bot.ArmedAsync("readout/RO-1/logging");

        Bot.Clock.Advance(TimeSpan.FromHours(24));
        await Eventually.Until(() => CountAsync("dana", "RO-1: 1 of 2 decisions from the readout are in the log"), n => n == 1, "the 24-hour reminder");

        await Playground.OneAsync("dana", "/decision new \"Wave 2 (APAC)\" verdict:retire owner:@bob approver:@ceo budget:$1");
        await Bot.ArmedAsync("readout/RO-1/logging", r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(TimeSpan.FromHours(12));
        await Eventually.Until(async () => await Bot.PendingAsync("readout/RO-1/logging"), r => r is null, "the reminders to stop once all are logged");
        (await CountAsync("dana", "decisions from the readout are in the log")).Should().Be(1);
    }

    [Fact]
    public async Task An_approved_decisions_milestones_remind_its_owner_and_its_revisit_both_owner_and_approver()
    {
        var proposed = await Playground.OneAsync("alice", "/decision new \"Wave 4\" verdict:expand owner:@bob approver:@dana budget:$250k milestones:\"wave4_launch=2026-11-05\" revisit:2026-11-10");
        await Playground.ActionAsync("dana", proposed.MessageId, "decision.approve", proposed.ActionData("decision.approve"));
        await Bot.ArmedAsync("decision/DEC-2026-11-02-01/milestone/wave4_launch");

        Bot.Clock.Advance(TimeSpan.FromDays(3));
        await Eventually.Until(() => CountAsync("bob", "Milestone wave4_launch of DEC-2026-11-02-01 (Wave 4) is due today"), n => n == 1, "the milestone reminder");

        await Bot.ArmedAsync("decision/DEC-2026-11-02-01/revisit");
        Bot.Clock.Advance(TimeSpan.FromDays(5));
        await Eventually.Until(() => CountAsync("dana", "DEC-2026-11-02-01 (EXPAND — Wave 4) is due for its revisit today"), n => n == 1, "the approver's revisit reminder");
        (await CountAsync("bob", "is due for its revisit today")).Should().Be(1);
    }

    [Theory]
    [InlineData("/readout start", "No decision is proposed, so say how many the readout is to take")]
    [InlineData("/readout start decisions:0", "Say how many decisions the readout is to take")]
    [InlineData("/readout start decisions:many", "Say how many decisions the readout is to take")]
    public async Task A_readout_needs_decisions_to_take(string command, string expected)
    {
        (await Playground.OneAsync("dana", command)).Text.Should().Contain(expected);
        (await Bot.PendingAsync("readout/RO-1/logging")).Should().BeNull();
    }

    [Fact]
    public async Task Started_without_a_count_a_readout_takes_the_proposed_decisions()
    {
        await Playground.OneAsync("alice", "/decision new \"Wave 4\" verdict:expand owner:@bob approver:@dana budget:$250k");

        (await Playground.OneAsync("dana", "/readout start")).Text.Should().Be("RO-1 started: the 1 proposed decision(s) (DEC-2026-11-02-01) to be decided by 2026-11-03 09:00 UTC.");
        await Bot.ArmedAsync("readout/RO-1/logging");
    }
}
