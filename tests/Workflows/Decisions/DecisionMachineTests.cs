using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Machines;
using static ExecOps.Workflows.Decisions.DecisionState;
using static ExecOps.Workflows.Decisions.DecisionTrigger;

namespace ExecOps.Tests.Workflows.Decisions;

/// <summary>Every state × trigger pair of the decision machine, and its one guard.</summary>
public sealed class DecisionMachineTests
{
    public static TheoryData<DecisionState, DecisionTrigger, DecisionState?> Table() => MachineTable.Every(new Dictionary<(DecisionState, DecisionTrigger), DecisionState>
    {
        [(Proposed, Approve)] = Approved, [(Proposed, Reject)] = Rejected, [(Approved, Supersede)] = Superseded,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_decision_moves_only_as_its_machine_says(DecisionState from, DecisionTrigger trigger, DecisionState? to) =>
        MachineTable.Holds(DecisionMachine.For(new DecisionData { State = from }, () => true), from, trigger, to);

    [Theory]
    [InlineData(Approve)]
    [InlineData(Reject)]
    public void Only_the_named_approver_decides(DecisionTrigger trigger)
    {
        var decision = new DecisionData();

        DecisionMachine.For(decision, () => false).Check(trigger).Needs.Should().Equal(DecisionMachine.TheApprover);
        decision.State.Should().Be(Proposed);
    }
}
