using ExecOps.Cards;
using ExecOps.Cards.Compliance;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Kpis;

namespace ExecOps.Tests.Cards;

/// <summary>The compliance cards at their fullest, against the official Adaptive Card schema and Slack's Block Kit limits.</summary>
public sealed class ComplianceCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Long = new('x', 2000);

    private static ControlDefinition Definition(int n) => new($"CTRL-{n}", $"Control {n} {Long[..180]}", "alice", "sam",
        Enumerable.Range(1, 8).Select(i => $"SOC 2 CC{i}.{n}").ToList(),
        [new EvidenceRequirement("access-review", Cadence.Quarterly, EvidenceSource.Manual), new EvidenceRequirement("change-approvals", Cadence.Monthly, EvidenceSource.ChangeApprovals)],
        Classification.Confidential);

    private static ControlStanding Standing(int n, ControlState state)
    {
        var definition = Definition(n);
        var exceptions = Enumerable.Range(1, 8).Select(i => new ControlExceptionData
        {
            Number = i, RequestedBy = "alice", RequestedAt = Now, Approver = "dana", Until = new DateOnly(2027, 1, 1), Compensating = Long, Reason = Long,
            State = i == 8 ? ControlExceptionState.Requested : ControlExceptionState.Approved,
        }).ToList();
        var data = new ControlData { Id = definition.Id, State = state, Since = Now, Exceptions = exceptions };
        return new(definition, data, ControlHealth.Of(definition, new Dictionary<string, DateTimeOffset> { ["access-review"] = Now.AddDays(-100) }, new DateOnly(2026, 11, 1), TimeSpan.FromDays(7), Now));
    }

    private static IEnumerable<(string Name, Card Card)> Cards()
    {
        var standings = Enumerable.Range(1, 15).Select(n => Standing(n, (ControlState)(n % 4))).ToList();
        var evidence = Enumerable.Range(1, 40).Select(i => new EvidenceItem(i, "CTRL-1", "access-review", EvidenceSource.Manual, $"ref-{i}", Long, NewEvidence.Hash(Long), Now, Now, "alice")).ToList();
        yield return ("status", ComplianceStatusCard.Build(standings, TestCatalog.People));
        yield return ("control with evidence", ControlCard.Build(standings[0], evidence, TestCatalog.People));
        yield return ("control for an outsider", ControlCard.Build(standings[1], null, TestCatalog.People));
        yield return ("exceptions registry", ExceptionsCard.Build(standings, TestCatalog.People));
        var control = new Control(standings[0].Data, 4, standings[0].Definition, new ComplianceSettings(), ["dana"], Now);
        yield return ("exception waiting", ControlExceptionCard.Build(control, control.Data.Exceptions[^1], TestCatalog.People));
        yield return ("exception decided", ControlExceptionCard.Build(control, control.Data.Exceptions[0], TestCatalog.People));
        var found = new DryRunData { Quarter = "2027-Q1", AskedAt = Now, State = DryRunState.Found, AnsweredBy = "sam", AnsweredAt = Now,
            Findings = Enumerable.Range(1, 30).Select(i => new Finding(i, Now, "sam", Long, $"k{i}")).ToList() };
        control.Data.DryRuns.AddRange([new DryRunData { Quarter = "2026-Q4", AskedAt = Now }, found]);
        yield return ("dry run asked", DryRunCard.Build(control, control.Data.DryRuns[0], TestCatalog.People));
        yield return ("dry run with findings", DryRunCard.Build(control, found, TestCatalog.People));
    }

    [Fact]
    public void Every_compliance_card_is_a_valid_Adaptive_Card_1_5() => CardChecks.SchemaFaults(Cards()).Should().BeEmpty();

    [Fact]
    public void Every_compliance_card_is_within_Slacks_Block_Kit_limits() => CardChecks.BlockKitFaults(Cards()).Should().BeEmpty();
}
