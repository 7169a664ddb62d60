using ExecOps.Tests.Support;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Tests.Bot.Scoreboard;

/// <summary>
/// The weekly variance review with the test's clock, through the real scheduler: the review opens on
/// its cron schedule (Monday 09:00 UTC), the owner is asked, reminded after a day, then the backup is
/// asked; the week cannot be closed until the red KPI has commentary.
/// </summary>
public sealed class VarianceCommentaryTests : BotTest
{
    private Task ArmedAsync(string key, DateTimeOffset due) => Bot.ArmedAsync(key, r => r.DueAt == due);

    [Fact]
    public async Task A_red_KPIs_owner_is_asked_reminded_then_its_backup_is_asked_and_the_week_closes_once_it_is_answered()
    {
        var monday = Bot.Clock.GetUtcNow();
        await Observations.StoreAsync(Playground.Http, new { kpi = "uptime", period = "2026-W45", value = 99.3 }, new { kpi = "mttr", period = "2026-W45", value = 3 });
        await ArmedAsync(ScoreboardReminders.WeeklyReviewKey, monday.AddDays(7));

        Bot.Clock.Advance(TimeSpan.FromDays(7));
        var asked = await Playground.HearsAsync("alice", "Uptime (SLO) was red in 2026-W45");
        var prompt = asked.Single(m => m.Text.Contains("was red in 2026-W45"));
        prompt.Card!.ToJsonString().Should().Contain("scoreboard.commentary").And.Contain("Cause: why is it red?");
        (await Playground.MessagesAsync("alice")).Should().NotContain(m => m.Text.Contains("MTTR was red"), "MTTR is green");

        var refused = await Playground.OneAsync("dana", "/scoreboard complete");
        refused.Text.Should().Be("2026-W45 cannot be marked complete: 1 red KPI(s) have no variance commentary: Uptime (SLO) (asked: alice). Their owners have been asked.");

        await ArmedAsync("variance/2026-W45/uptime/variance.remind", monday.AddDays(8));
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        await Playground.HearsAsync("alice", "Reminder: Uptime (SLO) is still red in 2026-W45");
        (await Playground.MessagesAsync("sam")).Should().NotContain(m => m.Text.Contains("backup owner"));

        await ArmedAsync("variance/2026-W45/uptime/variance.backup", monday.AddDays(9));
        Bot.Clock.Advance(TimeSpan.FromDays(1));
        var sam = await Playground.HearsAsync("sam", "As backup owner, please add the variance commentary");
        await Playground.HearsAsync("alice", "so the backup owner has been asked");
        await Playground.HearsAsync("sam", "New task TASK-1: Variance commentary for Uptime (SLO) (2026-W45) is missing");

        var data = new { prompt = "2026-W45/uptime", cause = "Failover drill left a region degraded", action = "Sam re-balances traffic; alerting fixed", recovery = "2026-11-20" };
        var backupPrompt = sam.Single(m => m.Text.Contains("As backup owner"));
        (await Playground.ActionAsync("lee", backupPrompt.MessageId, "scoreboard.commentary", data)).Single().Text.Should().Contain("Only Uptime (SLO)'s owner or backup owner may write its commentary");
        (await Playground.ActionAsync("sam", backupPrompt.MessageId, "scoreboard.commentary", data with { recovery = "soon" })).Single().Text.Should().Contain("\"soon\" is not a date");
        (await Playground.ActionAsync("sam", backupPrompt.MessageId, "scoreboard.commentary", data with { recovery = "2026-11-01" })).Single().Text.Should().Contain("is in the past");
        var saved = (await Playground.ActionAsync("sam", backupPrompt.MessageId, "scoreboard.commentary", data)).Single();
        saved.Text.Should().Be("Commentary saved.");
        CardJson.Facts(saved.Card!).Should().Contain("Cause: Failover drill left a region degraded").And.Contain("Written by: Sam Alvarez");
        (await Bot.PendingAsync("variance/2026-W45/uptime/variance.backup")).Should().BeNull();

        (await Playground.OneAsync("alice", "/scoreboard complete")).Text.Should().Contain("for execs and admins");
        (await Playground.OneAsync("dana", "/scoreboard complete")).Text.Should().Be("2026-W45 is marked complete by Dana Okafor: every red KPI has commentary (1 in all).");
        (await Playground.OneAsync("dana", "/scoreboard complete week:2026-W45")).Text.Should().Contain("was already marked complete by dana");

        var card = await Playground.OneAsync("dana", "/scoreboard week:2026-W45");
        card.Text.Should().Contain("week complete").And.Contain("Uptime (SLO): cause: Failover drill left a region degraded · action: Sam re-balances traffic; alerting fixed · back on target by 2026-11-20 (Sam Alvarez)");
    }

    [Fact]
    public async Task A_KPI_that_turns_red_after_the_review_opened_is_named_and_its_owner_asked_when_someone_tries_to_close_the_week()
    {
        Bot.Clock.Advance(TimeSpan.FromDays(7));
        await Observations.StoreAsync(Playground.Http, new { kpi = "change-failure-rate", period = "2026-W45", value = 31 });

        (await Playground.OneAsync("dana", "/scoreboard complete")).Text.Should().Contain("Change Failure Rate (asked: sam)");

        await Playground.HearsAsync("sam", "Change Failure Rate was red in 2026-W45");
    }

    [Fact]
    public async Task A_week_in_progress_cannot_be_marked_complete() =>
        (await Playground.OneAsync("dana", "/scoreboard complete week:2026-W45")).Text.Should().Contain("2026-W45 is not over yet");
}
