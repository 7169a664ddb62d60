using Stateless;

namespace ExecOps.Workflows.Tasks;

/// <summary>The one place that says what happens to a follow-up task: it is open until its owner marks it done, once.</summary>
internal static class FollowUpMachine
{
    public static StateMachine<FollowUpState, FollowUpTrigger> For(FollowUp task)
    {
        var machine = new StateMachine<FollowUpState, FollowUpTrigger>(() => task.State, s => task.State = s);
        machine.Configure(FollowUpState.Open).Permit(FollowUpTrigger.Finish, FollowUpState.Done);
        return machine;
    }
}
