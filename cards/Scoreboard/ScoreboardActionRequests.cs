using ExecOps.Workflows;
using ExecOps.Workflows.Scoreboard;
using static ExecOps.Cards.Scoreboard.ScoreboardActions;

namespace ExecOps.Cards.Scoreboard;

/// <summary>A press on a scoreboard card (a drilldown) or the commentary form, read into a typed request.</summary>
public static class ScoreboardActionRequests
{
    public static ScoreboardRequest Parse(string actionId, IReadOnlyDictionary<string, string> data, DateTimeOffset now) => actionId switch
    {
        View => new ShowSlice(SliceOf(data), SliceResolver.Week(data.GetValueOrDefault(Week), now)),
        Commentary => ScoreboardCommands.Answer(data.GetValueOrDefault(Prompt), data.GetValueOrDefault(Cause), data.GetValueOrDefault(ScoreboardActions.Action), data.GetValueOrDefault(RecoveryBy), now),
        _ => throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card."),
    };
}
