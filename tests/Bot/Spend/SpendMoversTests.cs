using ExecOps.Tests.Support;
using ExecOps.Workflows.Spend;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>
/// The weekly movers report on the test's clock (start Monday 2026-11-02 09:00 UTC; the report runs Mondays 08:00 for the
/// week before). 2026-W45 against W44: payments (owner sam) jumps the day after CHG-1 completes there; search (owner alice)
/// triples with no change behind it; team growth (owner priya) falls; identity barely moves. The FinOps lead is dana.
/// </summary>
public sealed class SpendMoversTests() : BotTest
{
    private static readonly DateTimeOffset Report = SpendDataSet.Report;

    private Task ReportRunsAsync() => SpendDataSet.MoversWeekAsync(Bot, Playground);

    [Fact]
    public async Task The_week_is_posted_each_mover_is_asked_once_a_jump_after_a_change_is_linked_and_the_week_closes_only_when_all_are_explained()
    {
        await ReportRunsAsync();

        var posted = (await Playground.HearsAsync("#finops", "Spend movers for 2026-W45")).Single(m => m.Text.Contains("Spend movers for 2026-W45"));
        posted.Text.Should().Be("Spend movers for 2026-W45: 38,370.00 USD against 26,600.00 the week before. Top services: payments +7,500.00; search +7,000.00; identity +70.00.");
        var card = CardJson.Text(posted.Card!);
        card.Should().Contain("payments · +7,500.00 (+107%), 7,000.00 → 14,500.00 · linked to CHG-1 automatically")
            .And.Contain("search · +7,000.00 (+200%), 3,500.00 → 10,500.00 · waiting for Alice")
            .And.Contain("identity · +70.00 (+3%), 2,100.00 → 2,170.00 · under the threshold")
            .And.Contain("payments-core · +7,500.00 (+107%), 7,000.00 → 14,500.00 · explained through its services")
            .And.Contain("growth · −2,800.00 (−20%), 14,000.00 → 11,200.00 · waiting for Priya");

        await Playground.HearsAsync("sam", "It is linked automatically to CHG-1 \"Card cache\" (completed 2026-11-03 16:00 UTC");
        var alice = (await Playground.HearsAsync("alice", "service search moved +7,000.00 USD (+200%) in 2026-W45")).First(m => m.Text.StartsWith("service search moved"));
        alice.Card!.ToJsonString().Should().Contain(SpendActionsExplain).And.Contain("What moved, and why?");
        await Playground.HearsAsync("priya", "team growth moved −2,800.00 USD (−20%) in 2026-W45");
        (await Playground.MessagesAsync("dana")).Should().NotContain(m => m.Text.Contains("payments-core moved"), "the team moved by payments, which is already asked");

        (await Playground.OneAsync("dana", "/spend complete")).Text.Should().Be(
            "The spend review of 2026-W45 cannot be marked complete: 2 mover(s) have no explanation: service:search (asked: alice); team:growth (asked: priya).");
        (await Playground.OneAsync("lee", "/spend explain service:search \"no idea\"")).Text.Should().Contain("Only search's owner, whoever was asked, the FinOps lead or an admin may explain");

        await Bot.ArmedAsync("spend/2026-W45/service:search/spend.mover-remind", r => r.DueAt == Report.AddMinutes(1).AddDays(1));
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        await Playground.HearsAsync("alice", "Reminder: service search moved +7,000.00 USD in 2026-W45 and has no explanation");
        await Bot.ArmedAsync("spend/2026-W45/service:search/spend.mover-backup", r => r.DueAt == Report.AddMinutes(1).AddDays(2));
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        await Playground.HearsAsync("dana", "As backup, please explain it");
        await Playground.HearsAsync("alice", "so dana has been asked");
        (await Playground.OneAsync("dana", "/tasks")).Text.Should().Contain("The explanation of service search's spend move (+7,000.00 USD, 2026-W45) is missing");

        var data = new Dictionary<string, string> { ["mover"] = "2026-W45/service:search", ["text"] = "Reindex after the schema change", ["change"] = "CHG-9" };
        (await Playground.ActionAsync("alice", alice.MessageId, SpendActionsExplain, data)).Single().Text.Should().Contain("There is no change CHG-9");
        (await Playground.OneAsync("alice", "/spend explain service:search \"Reindex after the schema change\" change:yesterday")).Text.Should().Contain("change:yesterday is not a change id");
        var saved = await Playground.OneAsync("alice", "/spend explain service:search \"Reindex after the schema change\" week:2026-W45");
        saved.Text.Should().Be("Explanation saved.");
        CardJson.Facts(saved.Card!).Should().Contain("Why: Reindex after the schema change").And.Contain("Explained by: Alice");
        (await Bot.PendingAsync("spend/2026-W45/service:search/spend.mover-backup")).Should().BeNull();

        var growth = (await Playground.MessagesAsync("priya")).First(m => m.Text.StartsWith("team growth moved"));
        (await Playground.ActionAsync("priya", growth.MessageId, SpendActionsExplain,
            new Dictionary<string, string> { ["mover"] = "2026-W45/team:growth", ["text"] = "Paused the autumn campaign", ["change"] = "" })).Single().Text.Should().Be("Explanation saved.");

        (await Playground.OneAsync("alice", "/spend complete")).Text.Should().Contain("for the FinOps lead, execs and admins");
        (await Playground.OneAsync("dana", "/spend complete")).Text.Should().Be("The spend review of 2026-W45 is marked complete by Dana Okafor: every mover is explained (3 in all).");
        (await Playground.OneAsync("dana", "/spend complete week:2026-W45")).Text.Should().Contain("was already marked complete by dana");
        CardJson.Text((await Playground.OneAsync("lee", "/spend movers week:2026-W45")).Card!).Should()
            .Contain("explained by Alice").And.Contain("Reindex after the schema change").And.Contain("explained by Priya").And.Contain("Paused the autumn campaign");
    }

    [Fact]
    public async Task A_fortnight_without_spend_opens_no_review_and_posts_nothing()
    {
        await Bot.ArmedAsync(SpendReminders.WeeklyKey, r => r.DueAt == Report);
        Bot.Clock.Advance(Report.AddMinutes(1) - Bot.Clock.GetUtcNow());
        await Bot.ArmedAsync(SpendReminders.WeeklyKey, r => r.DueAt == Report.AddDays(7));
        await Bot.DrainOutboxAsync();

        (await Playground.MessagesAsync("#finops")).Should().BeEmpty();
        (await Playground.OneAsync("dana", "/spend movers")).Text.Should().StartWith("There is no spend review of 2026-W45");
    }

    [Fact]
    public async Task A_week_with_no_review_says_when_one_opens()
    {
        (await Playground.OneAsync("lee", "/spend movers")).Text.Should().Be("There is no spend review of 2026-W44: the weekly report opens one each Monday for the week before.");
    }

    private const string SpendActionsExplain = ExecOps.Cards.Spend.SpendActions.Explain;
}
