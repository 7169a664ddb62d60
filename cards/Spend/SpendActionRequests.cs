using ExecOps.Workflows;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Spend;
using static ExecOps.Cards.Spend.SpendActions;

namespace ExecOps.Cards.Spend;

/// <summary>A press on a spend card (a mover's explanation form, a review's completion), read into a typed request.</summary>
public static class SpendActionRequests
{
    public static SpendRequest Parse(string actionId, IReadOnlyDictionary<string, string> data, DateTimeOffset now) => actionId switch
    {
        Explain => SpendCommands.Explain(data.GetValueOrDefault(Mover), data.GetValueOrDefault(Text), data.GetValueOrDefault(SpendActions.Change)),
        Complete => new CompleteSpendReview(SliceResolver.Week(data.GetValueOrDefault(Week), now)),
        _ => throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card."),
    };
}
