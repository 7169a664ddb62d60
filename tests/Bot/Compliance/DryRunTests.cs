using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>The quarterly internal audit dry run (09:00 UTC on the first day of each quarter): every control's owner confirms it or records findings.</summary>
public sealed class DryRunTests : BotTest
{
    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text));

    [Fact]
    public async Task Each_owner_is_asked_answers_from_the_card_or_chat_a_finding_becomes_a_task_and_the_unanswered_are_asked_again()
    {
        await Bot.ArmedAsync(ComplianceReminders.DryRunKey);
        (await Bot.PendingAsync(ComplianceReminders.DryRunKey))!.DueAt.Should().Be(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero));
        Bot.Clock.Advance(new DateTimeOffset(2027, 1, 1, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        var asked = await Eventually.Until(() => Playground.MessagesAsync("alice"), m => m.Count(x => x.Text.StartsWith("Internal audit dry run 2027-Q1")) == 4,
            "alice asked about the four controls she owns");
        var mfa = asked.Single(m => m.Text.StartsWith("Internal audit dry run 2027-Q1") && m.Text.Contains("CTRL-4 "));
        CardJson.Verbs(mfa.Card!).Should().Equal("compliance.dryrun.confirm", "compliance.dryrun.finding");
        var data = CardJson.DataOf(mfa.Card!, "compliance.dryrun.confirm");

        (await Playground.ActionAsync("bob", mfa.MessageId, "compliance.dryrun.confirm", data)).Single().Text
            .Should().Be("CTRL-4's dry run 2027-Q1 is asked, so confirm is not possible: that needs the control's owner or its backup.");
        var confirmed = (await Playground.ActionAsync("alice", mfa.MessageId, "compliance.dryrun.confirm", data)).Single();
        CardJson.Facts(confirmed.Card!).Should().Contain("State: Confirmed").And.Contain("Answered by: Alice Chen");
        confirmed.Verbs.Should().BeEmpty();

        var found = await Playground.OneAsync("sam", "/compliance finding CTRL-3 \"Two leavers still had VPN access\"");
        CardJson.Facts(found.Card!).Should().Contain("State: Found");
        found.Text.Should().Contain("1. Two leavers still had VPN access (Sam Alvarez, 2027-01-01)");
        (await Playground.OneAsync("alice", "/tasks")).Text.Should().Contain("CTRL-3 dry run 2027-Q1, finding 1: Two leavers still had VPN access");
        (await Playground.OneAsync("sam", "/compliance confirm CTRL-3")).Text.Should().Be("CTRL-3's dry run 2027-Q1 is found, so confirm is not possible.");

        await Bot.ArmedAsync("compliance/CTRL-5/dry-run/2027-Q1/remind");
        Bot.Clock.Advance(TimeSpan.FromDays(7));
        foreach (var person in new[] { "alice", "sam" })
            await Eventually.Until(() => CountAsync(person, "Internal audit dry run 2027-Q1: CTRL-5 \"Incidents are run to a postmortem with systemic prevention items\" is still unanswered"), n => n == 1, $"{person} asked again");
        (await Bot.PendingAsync("compliance/CTRL-4/dry-run/2027-Q1/remind")).Should().BeNull("an answered dry run is not asked again");
        (await CountAsync("alice", "CTRL-4 \"Multi-factor authentication is enforced for every workforce account\" is still unanswered")).Should().Be(0);
    }
}

/// <summary>The dry run where the rhythm runs in Sydney: 09:00 on 1 January there is 22:00 on 31 December in UTC, and the quarter is the new one.</summary>
public sealed class SydneyDryRunTests() : BotTest(new() { ["Compliance:TimeZone"] = "Australia/Sydney" })
{
    [Fact]
    public async Task The_quarter_is_the_one_it_is_where_the_rhythm_runs()
    {
        await Bot.ArmedAsync(ComplianceReminders.DryRunKey);
        (await Bot.PendingAsync(ComplianceReminders.DryRunKey))!.DueAt.Should().Be(new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero));
        Bot.Clock.Advance(new DateTimeOffset(2026, 12, 31, 22, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());

        await Eventually.Until(() => Playground.MessagesAsync("alice"), m => m.Any(x => x.Text.StartsWith("Internal audit dry run 2027-Q1: does CTRL-4 ")), "the 2027-Q1 dry run");
    }
}
