using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Machines;
using static ExecOps.Workflows.Kpis.KpiChangeState;
using static ExecOps.Workflows.Kpis.KpiChangeTrigger;

namespace ExecOps.Tests.Workflows.Kpis;

/// <summary>Every state × trigger pair of a KPI definition change, and the rule that a proposer never decides their own.</summary>
public sealed class KpiChangeMachineTests
{
    public static TheoryData<KpiChangeState, KpiChangeTrigger, KpiChangeState?> Table() => MachineTable.Every(new Dictionary<(KpiChangeState, KpiChangeTrigger), KpiChangeState>
    {
        [(Proposed, Approve)] = Approved, [(Proposed, Reject)] = Rejected, [(Approved, TakeEffect)] = Effective,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_kpi_change_moves_only_as_its_machine_says(KpiChangeState from, KpiChangeTrigger trigger, KpiChangeState? to) =>
        MachineTable.Holds(KpiChangeMachine.For(new KpiChangeData { State = from }, () => true), from, trigger, to);

    [Theory]
    [InlineData(Approve)]
    [InlineData(Reject)]
    public void The_proposer_cannot_decide_their_own_change(KpiChangeTrigger trigger)
    {
        var change = new KpiChangeData();

        KpiChangeMachine.For(change, () => false).Check(trigger).Needs.Should().Equal(KpiChangeMachine.NotTheProposer);
        change.State.Should().Be(Proposed);
    }
}
