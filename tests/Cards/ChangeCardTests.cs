using ExecOps.Cards;
using ExecOps.Cards.Changes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Tests.Cards;

/// <summary>The change envelope's cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class ChangeCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var settings = new ChangeSettings();
        var long_ = new string('x', 1500);
        var data = new ChangeData
        {
            Id = "CHG-9", Tier = 0, Service = "payments", Title = "Vault " + long_[..180], Scope = long_, Rollback = long_, Guardrails = ["p95_latency_ms<=300", "error_rate<=0.5"],
            Owner = "alice", WindowStart = Now, WindowEnd = Now.AddHours(2), Flag = "vault-v2", Migration = new DataMigration(true, "2s", long_[..300]),
            State = ChangeState.PendingApproval, NeededApprovals = [Change.ApproverRole("payments"), Change.ExecRole], Approvals = [new ChangeApproval(Change.ExecRole, "dana", Now)],
        };
        yield return ("pending change", ChangeCard.Build(new Change(data, 4, settings, TestCatalog.Ownership, Now), TestCatalog.People));
        var done = new ChangeData { Id = "CHG-10", Tier = 2, Service = "payments", Title = "Tweak", Owner = "bob", State = ChangeState.InProgress, StagePercent = 50, RollbackRequested = true };
        yield return ("change in flight", ChangeCard.Build(new Change(done, 2, settings, TestCatalog.Ownership, Now), TestCatalog.People));
        yield return ("new change form", NewChangeCard.Build("Missing: tier:.", ["payments", "search"]));
        yield return ("incident link", ChangeLinkCard.Build(new Change(data, 4, settings, TestCatalog.Ownership, Now), "INC-7"));
        var week = IsoWeek.Of(Now);
        yield return ("stats", ChangeStatsCard.Build("payments", Enumerable.Range(0, 52).Select(i => new WeekStats(week.Minus(i), 3, 1, 33.3m, TimeSpan.FromHours(30), 4)).ToList()));
    }

    [Fact]
    public void Every_change_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_change_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
