using ExecOps.Tests.Bot.Spend;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Ownership;

/// <summary>
/// The quarterly ownership audit on the test's clock (start Monday 2026-11-02 09:00 UTC; the audit opens 09:00 on the first
/// Monday of each quarter, so 2027-01-04). search has a change and payments an incident; identity has spend; the ledger,
/// the search index and the warehouse have had nothing for 90 days.
/// </summary>
public sealed class OwnershipAuditTests : BotTest
{
    private static readonly DateTimeOffset Opens = AuditClock.Opens;

    private async Task AuditOpensAsync()
    {
        await Playground.OneAsync("alice", "/change new tier:2 service:search \"Tune ranking\"");
        // A Sev4 owes no updates, so no update reminders run while the clock moves and the outbox is drained.
        await Playground.OneAsync("alice", "/incident declare sev4 \"Slow refunds\" service:payments");
        await Bot.ArmedAsync("rhythm/ownership-audit", r => r.DueAt == Opens);
        Bot.Clock.Advance(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await SpendPosts.PostAsync(Bot, SpendPosts.Line("2026-12-20", 120, "aws", "identity", "identity"));
        await Bot.ArmedAsync("rhythm/ownership-audit", r => r.DueAt == Opens);
        Bot.Clock.Advance(Opens.AddMinutes(1) - Bot.Clock.GetUtcNow());
        await Playground.HearsAsync("#exec", "Ownership audit 2027-Q1 is open");
    }

    [Fact]
    public async Task Each_owner_is_asked_once_the_zombies_are_listed_and_the_audit_closes_when_everyone_has_answered()
    {
        await AuditOpensAsync();

        (await Playground.MessagesAsync("#exec")).Single(m => m.Text.Contains("is open")).Text.Should().Be(
            "Ownership audit 2027-Q1 is open: 3 owner(s) asked to confirm 6 entries. Zombies (nothing for 90 days): ledger, search-index, warehouse. Orphans: none.");
        var sam = (await Playground.HearsAsync("sam", "Ownership audit 2027-Q1: the ownership map says you own")).Single(m => m.Text.StartsWith("Ownership audit"));
        sam.Text.Should().Contain("payments (Tier 0), identity (Tier 2), ledger (Tier 0)");
        var alice = (await Playground.HearsAsync("alice", "Ownership audit 2027-Q1")).Single(m => m.Text.StartsWith("Ownership audit"));
        CardJson.Verbs(alice.Card!).Should().Equal("ownership.confirm");
        await Playground.HearsAsync("bob", "you own search-index (Tier 2), warehouse (Tier 2)");
        await Bot.ArmedAsync("rhythm/ownership-audit", r => r.DueAt == new DateTimeOffset(2027, 4, 5, 9, 0, 0, TimeSpan.Zero));

        (await Playground.OneAsync("sam", "/owner confirm")).Text.Should().Be("Thank you, Sam Alvarez: your ownership is confirmed for the 2027-Q1 audit.");
        (await Playground.OneAsync("sam", "/owner confirm quarter:2027-Q1")).Text.Should().Contain("You have already answered the ownership audit 2027-Q1");
        (await Playground.OneAsync("lee", "/owner confirm")).Text.Should().Contain("asks you (Lee Park) about nothing");
        (await Playground.ActionAsync("alice", alice.MessageId, "ownership.confirm", CardJson.DataOf(alice.Card!, "ownership.confirm"))).Single().Text.Should().Contain("your ownership is confirmed");

        (await Playground.OneAsync("alice", "/owner disown warehouse \"not mine\"")).Text.Should().Contain("does not list warehouse as yours");
        (await Playground.OneAsync("bob", "/owner disown search-index \"the discovery team rebuilt it in October\"")).Text.Should().Contain("search-index is handed back");
        await Playground.HearsAsync("#exec", "Bob Martins says search-index (Search index) is not theirs: \"the discovery team rebuilt it in October\"");
        (await Playground.OneAsync("alice", "/tasks")).Text.Should().Contain("says search-index (Search index) is not theirs");

        await Bot.ArmedAsync("ownership/2027-Q1/bob/ownership.confirm-remind", r => r.DueAt == Opens.AddMinutes(1).AddDays(3));
        Bot.Clock.Advance(TimeSpan.FromDays(3));
        await Playground.HearsAsync("bob", "Reminder: the ownership audit 2027-Q1 is waiting for you to confirm warehouse.");
        await Bot.ArmedAsync("ownership/2027-Q1/bob/ownership.confirm-backup", r => r.DueAt == Opens.AddMinutes(1).AddDays(7));
        Bot.Clock.Advance(TimeSpan.FromDays(4));
        // bob leads the data team himself, so its exec is asked in his place.
        await Playground.HearsAsync("dana", "bob has not confirmed what they own in the ownership audit 2027-Q1 (warehouse) in 7 days");
        (await Playground.OneAsync("dana", "/tasks")).Text.Should().Contain("bob has not confirmed");
        CardJson.Text((await Playground.OneAsync("ceo", "/owner audit")).Card!).Should().Contain("waiting for Dana Okafor (their lead, after no answer)")
            .And.Contain("ledger (Ledger database) · owner Sam Alvarez · no activity on record").And.Contain("search-index by Bob Martins: the discovery team rebuilt it in October");

        (await Playground.OneAsync("dana", "/owner confirm")).Text.Should().Contain("Thank you, Dana Okafor");
        await Playground.HearsAsync("#exec", "Ownership audit 2027-Q1 is closed: every owner has answered. Handed back: search-index. Zombies to retire or revive: ledger, search-index, warehouse.");
        (await Playground.OneAsync("ceo", "/owner audit quarter:2027-Q1")).Card!.ToJsonString().Should().Contain("Closed 2027-01-11");
        (await Bot.PendingAsync("ownership/2027-Q1/bob/ownership.confirm-backup")).Should().BeNull();
    }

    [Fact]
    public async Task A_redelivered_audit_reminder_asks_nobody_twice()
    {
        await AuditOpensAsync();
        await Bot.DrainOutboxAsync();

        await Bot.Services.GetRequiredService<Store>().WriteAsync(async unit =>
        {
            await Bot.Services.GetRequiredService<OwnershipAudits>().OpenAsync(unit, "2027-Q1");
            return true;
        });
        await Bot.DrainOutboxAsync();

        (await Playground.MessagesAsync("sam")).Count(m => m.Text.StartsWith("Ownership audit 2027-Q1")).Should().Be(1);
        (await Playground.MessagesAsync("#exec")).Count(m => m.Text.Contains("is open")).Should().Be(1);
    }

    [Fact]
    public async Task Before_any_audit_the_command_says_when_one_opens()
    {
        (await Playground.OneAsync("ceo", "/owner audit")).Text.Should().Contain("the rhythm opens one on the first Monday of each quarter");
        (await Playground.OneAsync("sam", "/owner confirm")).Text.Should().Contain("There is no ownership audit open this quarter");
        (await Playground.OneAsync("ceo", "/owner audit quarter:2027-q5")).Text.Should().Contain("quarter:2027-q5 is not a quarter");
    }
}
