using ExecOps.Bot.Hosting;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Incidents;

/// <summary>Update cadence through the real scheduler: Quartz fires, the clock is the test's.</summary>
public sealed class CadenceReminderTests : BotTest
{
    private Task<IReadOnlyList<MessageView>> InboxAsync(string person) => Playground.MessagesAsync(person);

    private Task ArmedAsync(string key) => Bot.ArmedAsync(key);

    private Task<Reminder?> PendingAsync(string key) => Bot.PendingAsync(key);

    private Task<IReadOnlyList<MessageView>> WaitForAsync(string person, Func<IReadOnlyList<MessageView>, bool> done, string what) =>
        Eventually.Until(() => InboxAsync(person), done, what);

    [Fact]
    public async Task An_overdue_update_reminds_the_IC_and_a_second_miss_tells_the_exec_on_call()
    {
        var declared = Bot.Clock.GetUtcNow();
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        await ArmedAsync("incident/INC-1/update");

        Bot.Clock.Advance(TimeSpan.FromMinutes(29));
        (await Bot.FireAsync("incident/INC-1/update")).Should().BeFalse("the update is not due yet");
        // Still the first due time: had the trigger fired early, the next reminder would be set from then.
        (await PendingAsync("incident/INC-1/update"))!.DueAt.Should().Be(declared.AddMinutes(30));
        await Bot.DrainOutboxAsync();
        (await InboxAsync("alice")).Should().NotContain(m => m.Text.Contains("owes a status update"), "the update is not due yet");

        Bot.Clock.Advance(TimeSpan.FromMinutes(2));
        await WaitForAsync("alice", m => m.Any(x => x.Text.Contains("INC-1") && x.Text.Contains("owes a status update")), "the IC's reminder");
        (await InboxAsync("dana")).Should().BeEmpty();
        await ArmedAsync("incident/INC-1/update");

        Bot.Clock.Advance(TimeSpan.FromMinutes(30));
        var dana = await WaitForAsync("dana", m => m.Count > 0, "the exec on call's escalation");
        dana.Should().ContainSingle().Which.Text.Should().Contain("missed 2 status updates");
    }

    [Fact]
    public async Task Posting_an_update_pushes_the_reminder_back_by_a_full_cadence()
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        Bot.Clock.Advance(TimeSpan.FromMinutes(20));
        await Playground.OneAsync("alice", "/incident update \"Failing over to the secondary\"");

        Bot.Clock.Advance(TimeSpan.FromMinutes(15));
        (await Bot.FireAsync("incident/INC-1/update")).Should().BeFalse("the update posted 15 minutes ago is not overdue");
        await Bot.DrainOutboxAsync();
        (await InboxAsync("alice")).Should().NotContain(m => m.Text.Contains("owes a status update"));

        var reminder = await PendingAsync("incident/INC-1/update");
        reminder!.DueAt.Should().Be(Bot.Clock.GetUtcNow().AddMinutes(15));
    }

    [Fact]
    public async Task Resolving_cancels_the_update_reminder_and_sets_the_postmortem_one()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Search slow\"");

        await Playground.OneAsync("alice", "/incident resolve");

        (await PendingAsync("incident/INC-1/update")).Should().BeNull();
        (await PendingAsync("incident/INC-1/postmortem"))!.DueAt.Should().Be(Bot.Clock.GetUtcNow().AddDays(5));
        await ArmedAsync("incident/INC-1/postmortem");
        Bot.Clock.Advance(TimeSpan.FromDays(5).Add(TimeSpan.FromMinutes(1)));
        await WaitForAsync("alice", m => m.Any(x => x.Text.Contains("postmortem is overdue")), "the postmortem reminder");
    }

    [Fact]
    public async Task Every_pending_reminder_is_armed_in_the_scheduler()
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        var scheduler = Bot.Services.GetRequiredService<ReminderScheduler>();

        var reminder = await PendingAsync("incident/INC-1/update");

        (await Eventually.Until(() => scheduler.IsArmedAsync(reminder!), armed => armed, "the reminder to be armed after commit")).Should().BeTrue();
    }

    [Fact]
    public async Task A_reminder_lost_from_the_scheduler_is_re_armed_by_recovery()
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        var scheduler = Bot.Services.GetRequiredService<ReminderScheduler>();
        await scheduler.DisarmAsync("incident/INC-1/update");

        // The recovery's own start-up sweep may get there first; either way the reminder must end up armed.
        await Bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReminderRecovery>().Single().RearmAsync();

        (await scheduler.IsArmedAsync((await PendingAsync("incident/INC-1/update"))!)).Should().BeTrue();
        Bot.Clock.Advance(TimeSpan.FromMinutes(31));
        await WaitForAsync("alice", m => m.Any(x => x.Text.Contains("owes a status update")), "the re-armed reminder");
    }

}
