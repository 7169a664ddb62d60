using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Tests.Workflows.Tasks;

/// <summary>Every state × trigger pair of a follow-up task.</summary>
public sealed class FollowUpMachineTests
{
    public static TheoryData<FollowUpState, FollowUpTrigger, FollowUpState?> Table() => MachineTable.Every(new Dictionary<(FollowUpState, FollowUpTrigger), FollowUpState>
    {
        [(FollowUpState.Open, FollowUpTrigger.Finish)] = FollowUpState.Done,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_task_is_done_once(FollowUpState from, FollowUpTrigger trigger, FollowUpState? to) =>
        MachineTable.Holds(FollowUpMachine.For(new FollowUp { State = from }), from, trigger, to);
}
