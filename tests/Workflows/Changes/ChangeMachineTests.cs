using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Changes;
using static ExecOps.Workflows.Changes.ChangeState;
using static ExecOps.Workflows.Changes.ChangeTrigger;

namespace ExecOps.Tests.Workflows.Changes;

/// <summary>Every state × trigger pair of the envelope machine, for a change that needs approval and one that does not.</summary>
public sealed class ChangeMachineTests
{
    /// <summary>What each pair leads to for a Tier 0/1 change with its one approval given; null means refused.</summary>
    public static TheoryData<ChangeState, ChangeTrigger, ChangeState?> NeedsApproval() => MachineTable.Every(new Dictionary<(ChangeState, ChangeTrigger), ChangeState>
    {
        [(Draft, Submit)] = PendingApproval, [(Draft, Edit)] = Draft,
        [(PendingApproval, Approve)] = Approved, [(PendingApproval, Reject)] = Draft, [(PendingApproval, Edit)] = PendingApproval,
        [(Approved, Start)] = InProgress, [(Approved, Edit)] = PendingApproval,
        [(InProgress, Stage)] = InProgress, [(InProgress, Health)] = InProgress, [(InProgress, Hotfix)] = InProgress,
        [(InProgress, Complete)] = Completed, [(InProgress, RollBack)] = RolledBack, [(InProgress, Fail)] = ChangeState.Failed,
        [(Completed, Hotfix)] = Completed, [(Completed, RollBack)] = RolledBack,
    });

    [Theory]
    [MemberData(nameof(NeedsApproval))]
    public void A_change_that_needs_approval_moves_only_as_the_machine_says(ChangeState from, ChangeTrigger trigger, ChangeState? to)
    {
        var change = new ChangeData { State = from, NeededApprovals = ["approver:payments"], Approvals = [new ChangeApproval("approver:payments", "sam", DateTimeOffset.UnixEpoch)] };
        MachineTable.Holds(ChangeMachine.For(change, () => true), from, trigger, to);
    }

    [Fact]
    public void A_change_that_needs_no_approval_approves_itself_and_an_edit_keeps_it_approved()
    {
        var change = new ChangeData();
        var machine = ChangeMachine.For(change, () => true);

        machine.CanFire(Submit).Should().BeFalse();
        machine.Fire(SelfApprove);
        change.State.Should().Be(Approved);
        machine.Fire(Edit);
        change.State.Should().Be(Approved);
    }

    [Fact]
    public void With_approvals_still_to_come_an_approval_keeps_it_pending_and_tells_nobody()
    {
        var change = new ChangeData { State = PendingApproval, NeededApprovals = ["approver:payments", "exec"] };
        var told = new List<string>();

        ChangeMachine.For(change, () => false, Effects(told)).Fire(Approve);

        change.State.Should().Be(PendingApproval);
        told.Should().BeEmpty();
    }

    [Fact]
    public void Going_to_approval_asks_the_approvers_and_the_last_approval_tells_the_owner()
    {
        var change = new ChangeData { NeededApprovals = ["approver:payments"] };
        var told = new List<string>();
        var machine = ChangeMachine.For(change, () => true, Effects(told));

        machine.Fire(Submit);
        machine.Fire(Approve);
        machine.Fire(Edit);

        told.Should().Equal("asked after Submit", "approved", "asked after Edit");
    }

    [Fact]
    public void A_change_asked_to_roll_back_cannot_complete_only_roll_back_or_fail()
    {
        var change = new ChangeData { State = InProgress, RollbackRequested = true };
        var machine = ChangeMachine.For(change, () => true);

        machine.CanFire(Complete, out var unmet).Should().BeFalse("a change whose guardrails broke is not a success");
        unmet.Should().Equal(ChangeMachine.GuardrailsHeld);
        machine.CanFire(RollBack).Should().BeTrue();
        machine.CanFire(Fail).Should().BeTrue();
    }

    private static ChangeEffects Effects(List<string> told) => new(by => told.Add($"asked after {by}"), () => told.Add("approved"));
}
