using ExecOps.Workflows;
using ExecOps.Workflows.Blockers;
using static ExecOps.Cards.Blockers.BlockerActions;

namespace ExecOps.Cards.Blockers;

/// <summary>A press on a blocker's card (Unblock, Reassign, Accept delay), read into a typed request carrying the version the card showed.</summary>
public static class BlockerActionRequests
{
    public static BlockerRequest Parse(string actionId, IReadOnlyDictionary<string, string> data)
    {
        var id = BlockerCommands.BlockerId(data.GetValueOrDefault(BlockerActions.Blocker));
        var seen = CardVersion.Seen(data);
        return actionId switch
        {
            Unblock => new UnblockBlocker(id, string.IsNullOrWhiteSpace(data.GetValueOrDefault(Note)) ? null : data[Note].Trim(), seen),
            Reassign => new ReassignBlocker(id, data.GetValueOrDefault(Team) is { Length: > 0 } team ? team
                : throw new RefusedException(RefusalKind.Invalid, "Choose the team to reassign it to. Nothing was changed.", id), seen),
            AcceptDelay => BlockerCommands.Accept(id, data.GetValueOrDefault(Until), data.GetValueOrDefault(Reason)) with { Seen = seen },
            _ => throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card."),
        };
    }
}
