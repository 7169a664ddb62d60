using ExecOps.Workflows.Changes;
using static ExecOps.Workflows.Changes.ChangeState;
using static ExecOps.Workflows.Changes.ChangeTrigger;

namespace ExecOps.Tests.Workflows.Changes;

/// <summary>Every state × trigger pair of the envelope machine, for a change that needs approval and one that does not.</summary>
public sealed class ChangeMachineTests
{
    /// <summary>What each pair leads to for a Tier 0/1 change with its one approval given; null means refused.</summary>
    public static TheoryData<ChangeState, ChangeTrigger, ChangeState?> NeedsApproval()
    {
        var allowed = new Dictionary<(ChangeState, ChangeTrigger), ChangeState>
        {
            [(Draft, Submit)] = PendingApproval, [(Draft, Edit)] = Draft,
            [(PendingApproval, Approve)] = Approved, [(PendingApproval, Reject)] = Draft, [(PendingApproval, Edit)] = PendingApproval,
            [(Approved, Start)] = InProgress, [(Approved, Edit)] = PendingApproval,
            [(InProgress, Stage)] = InProgress, [(InProgress, Health)] = InProgress, [(InProgress, Hotfix)] = InProgress,
            [(InProgress, Complete)] = Completed, [(InProgress, RollBack)] = RolledBack, [(InProgress, Fail)] = ChangeState.Failed,
            [(Completed, Hotfix)] = Completed, [(Completed, RollBack)] = RolledBack,
        };
        var data = new TheoryData<ChangeState, ChangeTrigger, ChangeState?>();
        foreach (var state in Enum.GetValues<ChangeState>())
            foreach (var trigger in Enum.GetValues<ChangeTrigger>())
                data.Add(state, trigger, allowed.TryGetValue((state, trigger), out var to) ? to : null);
        return data;
    }

    [Theory]
    [MemberData(nameof(NeedsApproval))]
    public void A_change_that_needs_approval_moves_only_as_the_machine_says(ChangeState from, ChangeTrigger trigger, ChangeState? to)
    {
        var change = new ChangeData { State = from, NeededApprovals = ["approver:payments"], Approvals = [new ChangeApproval("approver:payments", "sam", DateTimeOffset.UnixEpoch)] };
        var machine = ChangeMachine.For(change, () => true);

        if (to is null)
        {
            machine.CanFire(trigger).Should().BeFalse();
            return;
        }
        machine.Fire(trigger);
        change.State.Should().Be(to.Value);
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
    public void With_approvals_still_to_come_an_approval_keeps_it_pending()
    {
        var change = new ChangeData { State = PendingApproval, NeededApprovals = ["approver:payments", "exec"] };

        ChangeMachine.For(change, () => false).Fire(Approve);

        change.State.Should().Be(PendingApproval);
    }
}
