using ExecOps.Workflows.StateMachines;
using static ExecOps.Workflows.Risks.RiskState;

namespace ExecOps.Workflows.Risks;

public enum RiskTrigger { Accept, ReturnToReview, Close, Reopen }

/// <summary>
/// The one place that says what may happen to a risk: an approved acceptance puts it in Accepted;
/// expiry or a material change returns it to review; a review may close it, with its next review date set.
/// </summary>
public static class RiskMachine
{
    public const string ReviewDateSet = "a next review date (review:YYYY-MM-DD)";

    public static StateMachine<RiskState, RiskTrigger> For(RiskData risk)
    {
        var machine = new StateMachine<RiskState, RiskTrigger>(() => risk.State, s => risk.State = s);
        machine.Configure(Open)
            .Permit(RiskTrigger.Accept, Accepted)
            .PermitIf(RiskTrigger.Close, Closed, () => risk.NextReview is not null, ReviewDateSet);
        machine.Configure(Accepted)
            .Permit(RiskTrigger.ReturnToReview, Open)
            .PermitIf(RiskTrigger.Close, Closed, () => risk.NextReview is not null, ReviewDateSet);
        machine.Configure(Closed)
            .Permit(RiskTrigger.Reopen, Open);
        return machine;
    }
}
