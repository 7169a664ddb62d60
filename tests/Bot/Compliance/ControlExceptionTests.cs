using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>
/// Exceptions to a control on the test's clock (start 2026-11-02 09:00 UTC): CTRL-4's owner alice reports to dana,
/// who approves; never the requester. Reminders 14, 7 and 1 days ahead; on its date the exception expires and the
/// control is assessed on its evidence again.
/// </summary>
public sealed class ControlExceptionTests : BotTest
{
    private const string Mfa = "CTRL-4 \"Multi-factor authentication is enforced for every workforce account\"";

    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text) && !m.Text.StartsWith("New task"));

    private async Task MoveToAsync(string key, DateTimeOffset at)
    {
        await Bot.ArmedAsync(key);
        Bot.Clock.Advance(at - Bot.Clock.GetUtcNow());
    }

    private static DateTimeOffset At(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_owners_manager_approves_an_exception_it_covers_the_control_is_reminded_and_expires_back_to_its_evidence()
    {
        var asked = await Playground.OneAsync("alice", "/compliance exception CTRL-4 until:2026-12-31 compensating:\"Hardware keys for admins; weekly sign-in review\" reason:\"IdP migration in December\"");
        CardJson.Facts(asked.Card!).Should().Contain("Approver: Dana Okafor").And.Contain("Except until: 2026-12-31").And.Contain("State: Requested");
        var card = (await Eventually.Until(() => Playground.MessagesAsync("dana"), m => m.Any(x => x.Text.Contains("asks you to approve an exception to CTRL-4")), "the approver's card"))
            .Single(m => m.Text.Contains("asks you to approve an exception to CTRL-4"));
        var approve = asked.ActionData(ExecOps.Cards.Compliance.ComplianceActions.Approve);

        (await Playground.ActionAsync("alice", card.MessageId, "compliance.exception.approve", approve)).Single().Text
            .Should().Be("exception 1 to CTRL-4 is requested, so approve is not possible: that needs the approver named on the request (the control owner's manager); an approver other than the requester.");
        (await Playground.ActionAsync("sam", card.MessageId, "compliance.exception.approve", approve)).Single().Text
            .Should().Contain("that needs the approver named on the request (the control owner's manager)", "the backup owner is not the approver");
        var approved = (await Playground.ActionAsync("dana", card.MessageId, "compliance.exception.approve", approve)).Single();
        approved.Visibility.Should().Be("channel");
        CardJson.Facts(approved.Card!).Should().Contain("State: Approved").And.Contain("Decided by: Dana Okafor");
        approved.Verbs.Should().BeEmpty();
        (await Playground.OneAsync("ines", "/compliance exceptions")).Text.Should().Contain("CTRL-4 exception 1 · approved · until 2026-12-31 · asked by Alice Chen, approver Dana Okafor");

        // Past the date its evidence was due and past the grace week: excepted, so neither yellow nor red.
        await MoveToAsync("compliance/CTRL-4/exception/1/remind-14", At(12, 17, 9, 1));
        await Eventually.Until(() => CountAsync("alice", "The exception to CTRL-4"), n => n == 1, "the 14-day reminder");
        (await Playground.MessagesAsync("alice")).Single(m => m.Text.Contains("The exception to CTRL-4")).Text.Should().Contain("expires in 14 day(s), on 2026-12-31");
        await Eventually.Until(() => CountAsync("alice", "CTRL-11 \"Production systems are scanned for vulnerabilities and findings are fixed within their SLA\" is red"), n => n == 1,
            "the sweeps have run: CTRL-11, another monthly control, is red and alice is its backup");
        (await CountAsync("alice", $"{Mfa} is yellow")).Should().Be(0);
        (await CountAsync("dana", $"{Mfa} is red")).Should().Be(0);
        (await Playground.OneAsync("lee", "/compliance status")).Text.Should().Contain("CTRL-4 Multi-factor authentication is enforced for every workforce account · ⚪ excepted")
            .And.Contain("exception until 2026-12-31");

        await MoveToAsync("compliance/CTRL-4/exception/1/remind-7", At(12, 24, 9, 1));
        await Eventually.Until(() => CountAsync("alice", "expires in 7 day(s)"), n => n == 1, "the 7-day reminder");
        await MoveToAsync("compliance/CTRL-4/exception/1/remind-1", At(12, 30, 9, 1));
        await Eventually.Until(() => CountAsync("alice", "expires in 1 day(s)"), n => n == 1, "the 1-day reminder");

        await MoveToAsync("compliance/CTRL-4/exception/1/expire", At(12, 31, 0, 1));
        await Eventually.Until(() => CountAsync("alice", "The exception to CTRL-4 \"Multi-factor authentication is enforced for every workforce account\" expired today"), n => n == 1, "the expiry");
        foreach (var person in new[] { "alice", "sam", "dana" })
            await Eventually.Until(() => CountAsync(person, $"{Mfa} is red"), n => n == 1, $"{person} told it is red: its evidence is a month late");
        (await Playground.OneAsync("ines", "/compliance exceptions")).Text.Should().Contain("No exception is waiting or in force.");
        (await CountAsync("alice", "expires in 14 day(s)")).Should().Be(1, "each reminder is sent once");
    }

    [Theory]
    [InlineData("until:2026-11-01 compensating:\"x\" reason:\"y\"", "until:2026-11-01 is not in the future")]
    [InlineData("until:2027-06-01 compensating:\"x\" reason:\"y\"", "is past the cap of 180 days (2027-05-01); nothing is excepted forever.")]
    [InlineData("until:2026-12-01 reason:\"y\"", "Say what compensates while CTRL-4 is excepted: compensating:\"…\".")]
    [InlineData("until:2026-12-01 compensating:\"x\"", "An exception needs a reason: reason:\"…\".")]
    [InlineData("until:soon compensating:\"x\" reason:\"y\"", "until:")]
    public async Task A_bad_exception_request_is_refused_and_nothing_is_asked(string options, string answer)
    {
        (await Playground.OneAsync("alice", $"/compliance exception CTRL-4 {options}")).Text.Should().Contain(answer);
        await Bot.DrainOutboxAsync();
        (await Playground.MessagesAsync("dana")).Should().NotContain(m => m.Text.Contains("exception"));
        (await Playground.OneAsync("ines", "/compliance exceptions")).Text.Should().Contain("No exception is waiting or in force.");
    }

    [Fact]
    public async Task An_exception_asked_for_by_the_owners_manager_goes_to_the_exception_approver_and_a_rejection_needs_a_reason()
    {
        var asked = await Playground.OneAsync("dana", "/compliance exception CTRL-4 until:2026-12-15 compensating:\"Hardware keys\" reason:\"Vendor outage\"");
        CardJson.Facts(asked.Card!).Should().Contain("Approver: Morgan Reyes", "dana would approve her own request, so it goes to Compliance:ExceptionApprover");
        var reject = asked.ActionData(ExecOps.Cards.Compliance.ComplianceActions.Reject);

        (await Playground.ActionAsync("ceo", asked.MessageId, "compliance.exception.reject", reject)).Single().Text.Should().Be("Say why the exception is rejected.");
        reject["note"] = "Hardware keys alone do not cover contractors";
        var rejected = (await Playground.ActionAsync("ceo", asked.MessageId, "compliance.exception.reject", reject)).Single();
        CardJson.Facts(rejected.Card!).Should().Contain("State: Rejected").And.Contain("Hardware keys alone do not cover contractors");
        await Eventually.Until(() => CountAsync("dana", "Morgan Reyes rejected the exception to CTRL-4"), n => n == 1, "the requester told");
        (await Bot.PendingAsync("compliance/CTRL-4/exception/1/expire")).Should().BeNull("a rejected request has no date to lapse on");
    }
}
