using System.Security.Cryptography;
using System.Text;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>
/// Control health on the test's clock (start 2026-11-02 09:00 UTC; the catalog took effect 2026-11-01): CTRL-4 needs
/// monthly evidence (31 days), so with none it is due 2026-12-02 and red a grace week later. Its owner is alice, its
/// backup sam, and dana holds the CISO role.
/// </summary>
public sealed class ControlHealthTests : BotTest
{
    private const string Mfa = "CTRL-4 \"Multi-factor authentication is enforced for every workforce account\"";

    /// <summary>Messages to <paramref name="who"/> with the text, other than the notice of a new task quoting it.</summary>
    private async Task<int> CountAsync(string who, string text) => (await Playground.MessagesAsync(who)).Count(m => m.Text.Contains(text) && !m.Text.StartsWith("New task"));

    private async Task MoveToAsync(DateTimeOffset at)
    {
        await Bot.ArmedAsync(ComplianceReminders.SweepKey, r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(at - Bot.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Late_evidence_turns_a_control_yellow_for_its_owner_then_red_for_its_backup_and_the_CISO_and_fresh_evidence_turns_it_green()
    {
        (await Playground.OneAsync("lee", "/compliance status")).Text.Should().Contain("CTRL-4 Multi-factor authentication is enforced for every workforce account · 🟢 green")
            .And.Contain("mfa-enforcement (monthly): none yet, due 2026-12-02");

        await MoveToAsync(new DateTimeOffset(2026, 12, 2, 0, 30, 0, TimeSpan.Zero));
        await Eventually.Until(() => CountAsync("alice", $"{Mfa} is yellow"), n => n == 1, "the owner told it is yellow");
        (await Playground.MessagesAsync("alice")).Single(m => m.Text.Contains("CTRL-4") && m.Text.Contains("is yellow")).Text
            .Should().Contain("mfa-enforcement (monthly) never recorded, due 2026-12-02").And.Contain("on 2026-12-09 00:00 UTC it turns red and goes to sam and the CISO");
        (await CountAsync("sam", $"{Mfa} is red")).Should().Be(0);
        (await Playground.OneAsync("lee", "/compliance status")).Text.Should().Contain("CTRL-4 Multi-factor authentication is enforced for every workforce account · 🟡 yellow");

        await MoveToAsync(new DateTimeOffset(2026, 12, 9, 0, 30, 0, TimeSpan.Zero));
        foreach (var person in new[] { "alice", "sam", "dana" })
            await Eventually.Until(() => CountAsync(person, $"{Mfa} is red"), n => n == 1, $"{person} told it is red");
        (await Playground.OneAsync("alice", "/tasks")).Text.Should().Contain($"{Mfa} is red");
        (await Playground.OneAsync("lee", "/compliance status")).Text.Should().Contain("CTRL-4 Multi-factor authentication is enforced for every workforce account · 🔴 red");

        const string report = "https://idp.example.com/reports/mfa-2026-12";
        var recorded = await Playground.OneAsync("alice", $"/compliance evidence CTRL-4 {report}");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(report)));
        recorded.Text.Should().StartWith("Recorded CTRL-4 evidence #").And.Contain($"sha256 {sha}").And.EndWith("CTRL-4 is 🟢 green.");
        (await Playground.OneAsync("lee", "/compliance status")).Text.Should().Contain("CTRL-4 Multi-factor authentication is enforced for every workforce account · 🟢 green")
            .And.Contain("mfa-enforcement (monthly): last 2026-12-09, next due 2027-01-09");

        await MoveToAsync(new DateTimeOffset(2026, 12, 10, 0, 30, 0, TimeSpan.Zero));
        await Bot.ArmedAsync(ComplianceReminders.SweepKey, r => r.DueAt > Bot.Clock.GetUtcNow());
        await Bot.DrainOutboxAsync();
        (await CountAsync("sam", $"{Mfa} is red")).Should().Be(1, "a green control is not escalated again");
    }

    [Fact]
    public async Task The_weekly_post_lists_the_red_controls_in_the_security_channel()
    {
        await Bot.ArmedAsync(ComplianceReminders.WeeklyKey);
        Bot.Clock.Advance(new DateTimeOffset(2026, 11, 9, 9, 31, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        await Eventually.Until(() => CountAsync("#security", "Weekly compliance 2026-11-09: no control is red."), n => n == 1, "a quiet week's post");

        await Bot.ArmedAsync(ComplianceReminders.WeeklyKey, r => r.DueAt > Bot.Clock.GetUtcNow());
        Bot.Clock.Advance(new DateTimeOffset(2026, 12, 14, 9, 31, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());
        var post = await Eventually.Until(() => Playground.MessagesAsync("#security"), m => m.Any(x => x.Text.Contains("Weekly compliance 2026-12-14")), "the week's post");
        var text = post.Single(m => m.Text.Contains("Weekly compliance 2026-12-14")).Text;
        text.Should().Contain("CTRL-4").And.Contain("CTRL-11").And.NotContain("CTRL-3 ", "a quarterly control is not due until February");
    }
}
