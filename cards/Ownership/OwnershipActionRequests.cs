using ExecOps.Workflows;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Ownership;

namespace ExecOps.Cards.Ownership;

/// <summary>A press on an ownership card, read into a typed request.</summary>
public static class OwnershipActionRequests
{
    public static OwnershipRequest Parse(string actionId, IReadOnlyDictionary<string, string> data) => actionId switch
    {
        OwnershipActions.Confirm => new ConfirmOwnership(ComplianceCommands.Quarter(data.GetValueOrDefault(OwnershipActions.Quarter))
            ?? throw new RefusedException(RefusalKind.Invalid, "The card does not say which quarter's audit it is; ask for a fresh one with `/owner audit`."),
            data.GetValueOrDefault(OwnershipActions.Owner)),
        _ => throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card."),
    };
}
