using Stateless;
using static ExecOps.Workflows.Scoreboard.VarianceReviewState;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>The one place that says what happens to a week's variance review: it is open until it is marked complete, once.</summary>
internal static class VarianceReviewMachine
{
    public static StateMachine<VarianceReviewState, VarianceReviewTrigger> For(VarianceReviewData review)
    {
        var machine = new StateMachine<VarianceReviewState, VarianceReviewTrigger>(() => review.State, s => review.State = s);
        machine.Configure(Open).Permit(VarianceReviewTrigger.Complete, Complete);
        return machine;
    }
}

/// <summary>What a review's state means to those who read it.</summary>
public static class ReviewStates
{
    extension(VarianceReviewData review)
    {
        public bool IsComplete => review.State == Complete;
    }
}
