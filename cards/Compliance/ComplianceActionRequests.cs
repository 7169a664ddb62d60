using ExecOps.Workflows;
using ExecOps.Workflows.Compliance;
using static ExecOps.Cards.Compliance.ComplianceActions;

namespace ExecOps.Cards.Compliance;

/// <summary>A press on one of the compliance cards, read into a typed request from the action id and the fields the card sent.</summary>
public static class ComplianceActionRequests
{
    public static ComplianceRequest Parse(string actionId, IReadOnlyDictionary<string, string> data)
    {
        string? Field(string key) => data.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
        var id = Field(ComplianceActions.Control) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no control id; ask for a fresh card with `/compliance show CTRL-n`.");
        if (actionId == Refresh) return RefreshOf(id, data);
        var seen = CardVersion.Seen(data);
        if (actionId == Confirm) return new ConfirmDryRun(id, ComplianceCommands.Quarter(Field(Quarter)), seen);
        if (actionId == Find) return new ReportFinding(id, ComplianceCommands.Quarter(Field(Quarter)), Field(ComplianceActions.Finding) ?? "", seen);
        var number = ComplianceCommands.Number(Field(ComplianceActions.Exception), "exception");
        return actionId switch
        {
            Approve => new DecideException(id, number, Approve: true, null, seen),
            Reject => new DecideException(id, number, Approve: false, Field(Note), seen),
            _ => throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card."),
        };
    }

    public static ComplianceRequest RefreshOf(string controlId, IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(Quarter) is { Length: > 0 } quarter
            ? new RefreshDryRunCard(controlId, quarter)
            : new RefreshControlCard(controlId, int.TryParse(data.GetValueOrDefault(ComplianceActions.Exception), out var number) ? number : 0);
}
