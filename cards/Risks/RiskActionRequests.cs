using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Risks;
using static ExecOps.Cards.Risks.RiskActions;

namespace ExecOps.Cards.Risks;

/// <summary>A press on one of the register's cards, read into a typed request from the action id and the fields the card sent.</summary>
public static class RiskActionRequests
{
    public static RiskRequest Parse(string actionId, IReadOnlyDictionary<string, string> data)
    {
        string? Field(string key) => data.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
        if (actionId == Add)
            return RiskCommands.Add(Field("title"), Field("category"), Field("p"), Field("impact"), Field("customers"), Field("owner"), Field("sponsor"), Field("review"));
        var id = Field(RiskActions.Risk) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no risk id; ask for a fresh card with `/risk show RISK-n`.");
        if (actionId == Refresh) return RefreshOf(id, data);
        var seen = CardVersion.Seen(data);
        if (actionId.StartsWith("risk.review.", StringComparison.Ordinal))
        {
            return actionId switch
            {
                ReviewAccept => new ReviewDecision(id, ReviewChoice.Accept, CommandValues.Date(Field(Until), "until"), Field(Reason), null, seen),
                ReviewEscalate => new ReviewDecision(id, ReviewChoice.Escalate, null, null, null, seen),
                ReviewFund => new ReviewDecision(id, ReviewChoice.Fund, null, null, Field(Note), seen),
                ReviewClose => new ReviewDecision(id, ReviewChoice.Close, CommandValues.Date(Field(Date), "review"), null, null, seen),
                _ => throw Unknown(actionId),
            };
        }
        var number = RiskCommands.Number(Field(Number), "number");
        return actionId switch
        {
            Accept => new DecideAcceptance(id, number, Approve: true, null, seen),
            Reject => new DecideAcceptance(id, number, Approve: false, Field(Note), seen),
            ApprovePlan => new DecideEscalation(id, number, EscalationDecision.ApprovePlan, null, null, null, seen),
            Extend => new DecideEscalation(id, number, EscalationDecision.Extend, CommandValues.Date(Field(Date), "date"), null, null, seen),
            Fund => new DecideEscalation(id, number, EscalationDecision.Fund, null, Field(Note), null, seen),
            Reassign => new DecideEscalation(id, number, EscalationDecision.Reassign, null, null, Field(Person) ?? "", seen),
            _ => throw Unknown(actionId),
        };
    }

    /// <summary>Which of the risk's cards a press came from, to show it again as it now stands.</summary>
    public static RefreshRiskCard RefreshOf(string riskId, IReadOnlyDictionary<string, string> data) =>
        new(riskId, data.GetValueOrDefault(About), int.TryParse(data.GetValueOrDefault(Number), out var number) ? number : 0);

    private static RefusedException Unknown(string actionId) => new(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card.");
}
