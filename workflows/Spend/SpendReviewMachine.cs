using Stateless;
using static ExecOps.Workflows.Spend.SpendReviewState;

namespace ExecOps.Workflows.Spend;

/// <summary>The one place that says what happens to a week's spend review: it is open until it is marked complete, once.</summary>
internal static class SpendReviewMachine
{
    public static StateMachine<SpendReviewState, SpendReviewTrigger> For(SpendReviewData review)
    {
        var machine = new StateMachine<SpendReviewState, SpendReviewTrigger>(() => review.State, s => review.State = s);
        machine.Configure(Open).Permit(SpendReviewTrigger.Complete, Complete);
        return machine;
    }
}

/// <summary>What a spend review's state means to those who read it.</summary>
public static class SpendReviewStates
{
    extension(SpendReviewData review)
    {
        public bool IsComplete => review.State == Complete;
    }
}
