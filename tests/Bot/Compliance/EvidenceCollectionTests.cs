using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Compliance;

/// <summary>
/// The bot as its own evidence source: the hourly sweep collects, for the controls that name them, approved Tier 0/1
/// changes, break-glass reviews, risk decisions, rollback drills and the audit chain's verification, once each.
/// </summary>
public sealed class EvidenceCollectionTests : BotTest
{
    private const string Tier1 = "/change new tier:1 service:payments \"Card vault v2\" scope:\"vault reads\" rollback:\"flip flag off\" metrics:\"p95_latency_ms<=300, error_rate<=0.5%\" owner:@alice";

    private async Task<IReadOnlyList<EvidenceItem>> StoredAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return await unit.Evidence.ListAsync();
    }

    private async Task SweepAsync()
    {
        await Bot.ArmedAsync(ComplianceReminders.SweepKey, r => r.DueAt > Bot.Clock.GetUtcNow());
        var due = (await Bot.PendingAsync(ComplianceReminders.SweepKey))!.DueAt;
        Bot.Clock.Advance(due - Bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Bot.ArmedAsync(ComplianceReminders.SweepKey, r => r.DueAt > due);
    }

    [Fact]
    public async Task The_sweep_collects_what_the_bot_already_holds_once_each_and_the_controls_it_feeds_stay_green()
    {
        var change = await Playground.OneAsync("alice", Tier1);
        await Playground.ActionAsync("sam", change.MessageId, "change.approve", change.ActionData("change.approve"));
        await Playground.OneAsync("sam", "/change new tier:3 service:identity \"Copy fix\"");
        await Playground.OneAsync("sam", "/breakglass service:payments reason:\"Card vault locked out\" duration:1h");
        await Playground.OneAsync("sam", "/breakglass review BG-1 \"Reset the vault lock; no data read\"");
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        await Playground.OneAsync("dana", "/risk close RISK-1 review:2027-01-15");
        await Playground.OneAsync("sam", "/change drill record service:payments result:passed time:6m notes:\"Flag flip\"");

        await SweepAsync();
        var first = await StoredAsync();
        first.Select(i => (i.Control, i.Reference, i.Source)).Should().BeEquivalentTo(new[]
        {
            ("CTRL-1", "CHG-1/approved", EvidenceSource.ChangeApprovals),
            ("CTRL-2", "BG-1/review", EvidenceSource.BreakglassReviews),
            ("CTRL-8", "RISK-1/decision/1", EvidenceSource.RiskDecisions),
            ("CTRL-7", "drill/payments/2026-11-02T09:00:00Z", EvidenceSource.RollbackDrills),
            ("CTRL-9", "audit-chain/2026-11-02", EvidenceSource.AuditChain),
        });
        first.Single(i => i.Control == "CTRL-1").Content.Should().StartWith("CHG-1 \"Card vault v2\" (Tier 1, payments) approved before it started: approver:payments by sam at 2026-11-02T09:00:00Z");
        first.Single(i => i.Control == "CTRL-9").Content.Should().StartWith("Audit chain verified intact from its first row:");
        first.Should().OnlyContain(i => i.By == "execops-bot" && i.Sha256 == NewEvidence.Hash(i.Content));

        await SweepAsync();
        (await StoredAsync()).Should().HaveCount(first.Count, "a second pass the same day finds nothing new");
        (await Playground.OneAsync("ines", "/compliance show CTRL-1")).Text.Should().Contain("change-approvals (monthly): last 2026-11-02, next due 2026-12-03 · collected by the bot")
            .And.Contain("CHG-1 \"Card vault v2\" (Tier 1, payments)");

        Bot.Clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync();
        (await StoredAsync()).Where(i => i.Control == "CTRL-9").Select(i => i.Reference).Should().Equal("audit-chain/2026-11-02", "audit-chain/2026-11-03");
    }
}
