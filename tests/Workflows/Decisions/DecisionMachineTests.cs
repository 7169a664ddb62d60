using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.People;
using static ExecOps.Workflows.Decisions.DecisionState;
using static ExecOps.Workflows.Decisions.DecisionTrigger;

namespace ExecOps.Tests.Workflows.Decisions;

/// <summary>Every state × trigger pair of the decision machine, and its guards: the named approver, not the proposer, holding the role.</summary>
public sealed class DecisionMachineTests
{
    private static Actor Person(string id, params string[] roles) => Actor.For(new Person(id, id, $"{id}@example.com", roles.ToHashSet()));

    private static DecisionData AwaitingApproval(string approver = "dana", string proposer = "alice") => new() { Approver = approver, ProposedBy = proposer, ApproverRole = Roles.Exec };

    public static TheoryData<DecisionState, DecisionTrigger, DecisionState?> Table() => MachineTable.Every(new Dictionary<(DecisionState, DecisionTrigger), DecisionState>
    {
        [(Proposed, Approve)] = Approved, [(Proposed, Reject)] = Rejected, [(Approved, Supersede)] = Superseded,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_decision_moves_only_as_its_machine_says(DecisionState from, DecisionTrigger trigger, DecisionState? to) =>
        MachineTable.Holds(DecisionMachine.For(new DecisionData { State = from, Approver = "dana", ProposedBy = "alice" }, Person("dana", Roles.Exec)), from, trigger, to);

    [Theory]
    [InlineData(Approve)]
    [InlineData(Reject)]
    public void Only_the_named_approver_decides(DecisionTrigger trigger)
    {
        var decision = AwaitingApproval();

        DecisionMachine.For(decision, Person("ceo", Roles.Exec)).Check(trigger).Needs.Should().Equal(DecisionMachine.TheApprover);
        decision.State.Should().Be(DecisionState.Proposed);
    }

    [Fact]
    public void The_proposer_never_approves_their_own_even_when_named_and_an_exec()
    {
        var decision = AwaitingApproval(approver: "dana", proposer: "dana");

        DecisionMachine.For(decision, Person("dana", Roles.Exec)).Check(Approve).Needs.Should().Equal(DecisionMachine.NotTheProposer);
    }

    [Fact]
    public void An_approver_without_the_approving_role_cannot_approve()
    {
        var decision = AwaitingApproval(approver: "lee");

        DecisionMachine.For(decision, Person("lee")).Check(Approve).Needs.Should().Equal(DecisionMachine.TheApprovingRole);
        DecisionMachine.For(decision, Person("lee")).CanFire(Reject).Should().BeTrue("the named approver may still turn it down");
    }
}
