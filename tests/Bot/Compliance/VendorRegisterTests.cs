using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>The vendor and subprocessor register on the test's clock (start 2026-11-02 09:00 UTC).</summary>
public sealed class VendorRegisterTests : BotTest
{
    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text));

    [Fact]
    public async Task A_vendor_with_personal_data_and_no_DPA_is_flagged_and_raised_as_a_risk_in_the_same_step()
    {
        var added = await Playground.OneAsync("sam", "/compliance vendor add \"Acme Mail\" region:eu data:personal dpa:no owner:@alice review:2027-03-01 purpose:\"transactional email\"");
        added.Text.Should().StartWith("VEN-1 Acme Mail added to the vendor register. It holds personal data without a DPA, so it is flagged and raised as RISK-1 in the risk register.");
        await Playground.OneAsync("sam", "/compliance vendor add \"Stripe\" region:us data:customer dpa:yes owner:@sam review:2027-06-01");

        var register = (await Playground.OneAsync("lee", "/compliance vendor list")).Text;
        register.Should().Contain("VEN-1 Acme Mail · personal data · eu · no DPA · owner Alice Chen · review 2027-03-01 · ⚠ personal or sensitive data without a DPA (RISK-1)");
        register.Should().Contain("VEN-2 Stripe · customer data · us · DPA · owner Sam Alvarez · review 2027-06-01").And.Contain("2 in use, 1 flagged");
        (await Playground.OneAsync("lee", "/risk show RISK-1")).Text.Should().Contain("Acme Mail holds personal data without a DPA")
            .And.Contain("Owner: Alice Chen").And.Contain("Sponsor: Dana Okafor").And.Contain("Category: Compliance");
        await Eventually.Until(() => CountAsync("alice", "VEN-1 Acme Mail is yours to own"), n => n == 1, "the owner told");
    }

    [Fact]
    public async Task A_review_date_reminds_the_owner_weekly_until_a_review_is_recorded_and_the_review_is_evidence_for_the_vendor_control()
    {
        await Playground.OneAsync("alice", "/compliance vendor add \"Acme Mail\" region:eu data:personal dpa:no review:2026-11-20");
        await Bot.ArmedAsync("compliance/VEN-1/review");
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 20, 9, 1, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => CountAsync("alice", "The review of VEN-1 Acme Mail was due 2026-11-20"), n => n == 1, "the review reminder");
        (await Playground.OneAsync("lee", "/compliance vendor list")).Text.Should().Contain("⚠ review overdue");

        await Bot.ArmedAsync("compliance/VEN-1/review", r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(TimeSpan.FromDays(7));
        await Eventually.Until(() => CountAsync("alice", "The review of VEN-1 Acme Mail was due 2026-11-20"), n => n == 2, "a week later, again");

        (await Playground.OneAsync("lee", "/compliance vendor review VEN-1 next:2027-11-27 dpa:yes notes:\"SOC 2 report read\"")).Text.Should().Contain("Only VEN-1's owner (alice)");
        var reviewed = await Playground.OneAsync("alice", "/compliance vendor review VEN-1 next:2027-11-27 dpa:yes notes:\"SOC 2 report read; DPA countersigned\"");
        reviewed.Text.Should().Contain("State: Active").And.Contain("DPA: signed").And.Contain("Next review: 2027-11-27");
        await Eventually.Until(() => CountAsync("alice", "VEN-1 Acme Mail now has a DPA; close RISK-1"), n => n == 1, "the owner told to close the raised risk");
        (await Bot.PendingAsync("compliance/VEN-1/review"))!.DueAt.Should().Be(new DateTimeOffset(2027, 11, 27, 9, 0, 0, TimeSpan.Zero));

        await Bot.ArmedAsync(ComplianceReminders.SweepKey, r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.Until(async () =>
        {
            await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
            return await unit.Evidence.ListAsync("CTRL-10");
        }, items => items.Count == 1, "the review collected for CTRL-10");
        (await Playground.OneAsync("ines", "/compliance show CTRL-10")).Text.Should().Contain("VEN-1 Acme Mail (personal data, eu, DPA signed) reviewed by alice: SOC 2 report read; DPA countersigned");
    }

    [Theory]
    [InlineData("/compliance vendor add \"Acme\" region:eu data:secret dpa:no review:2027-01-01", "data:secret is not one of none, internal, customer, personal, sensitive")]
    [InlineData("/compliance vendor add \"Acme\" region:eu data:personal dpa:maybe review:2027-01-01", "dpa:maybe must be yes or no")]
    [InlineData("/compliance vendor add \"Acme\" data:personal dpa:no review:2027-01-01", "A vendor needs region:")]
    [InlineData("/compliance vendor add \"Acme\" region:eu data:personal dpa:no review:2026-01-01", "review:2026-01-01 is in the past")]
    [InlineData("/compliance vendor add \"Acme\" region:eu data:personal dpa:no review:2027-01-01 owner:@nobody", "There is nobody called `nobody`")]
    [InlineData("/compliance vendor add region:eu data:personal dpa:no review:2027-01-01", "Name the vendor in quotes")]
    [InlineData("/compliance vendor rename VEN-1", "`/compliance vendor` takes add, list, show, review or offboard")]
    public async Task A_bad_vendor_is_refused_saying_what_to_do_and_neither_a_vendor_nor_a_risk_is_stored(string command, string answer)
    {
        (await Playground.OneAsync("alice", command)).Text.Should().Contain(answer);
        (await Playground.OneAsync("lee", "/compliance vendor list")).Text.Should().Contain("No vendors yet.");
        (await Playground.OneAsync("lee", "/risk top")).Text.Should().Contain("The register is empty.");
    }

    [Fact]
    public async Task Only_the_owner_the_CISO_or_an_admin_offboards_a_vendor_and_an_offboarded_one_takes_no_review()
    {
        await Playground.OneAsync("alice", "/compliance vendor add \"Acme Mail\" region:eu data:internal dpa:no review:2027-01-01");

        (await Playground.OneAsync("bob", "/compliance vendor offboard VEN-1 reason:\"replaced\"")).Text.Should().Contain("Only VEN-1's owner (alice), the CISO or an admin may offboard it");
        (await Playground.OneAsync("dana", "/compliance vendor offboard VEN-1 reason:\"Replaced by in-house mail\"")).Text.Should().Contain("State: Offboarded");
        (await Playground.OneAsync("alice", "/compliance vendor review VEN-1 next:2027-06-01 notes:\"x\"")).Text.Should().Be("VEN-1 is offboarded, so you cannot review it.");
        (await Bot.PendingAsync("compliance/VEN-1/review")).Should().BeNull();
    }
}
