using Stateless;
using static ExecOps.Workflows.Risks.RiskState;
using static ExecOps.Workflows.Risks.RiskTrigger;

namespace ExecOps.Workflows.Risks;

/// <summary>
/// The one place that says what may happen to a risk: while it is in the register (open or accepted)
/// it takes mitigations, evidence, restatements and acceptance requests; an approved acceptance puts it
/// in Accepted (a renewal keeps it there); expiry or a material change returns it to review; a review
/// may close it, with its next review date set, and only a reopened risk takes work again.
/// </summary>
internal static class RiskMachine
{
    public const string ReviewDateSet = "a next review date (review:YYYY-MM-DD)";

    public static StateMachine<RiskState, RiskTrigger> For(RiskData risk)
    {
        var machine = new StateMachine<RiskState, RiskTrigger>(() => risk.State, s => risk.State = s);
        InRegister(machine.Configure(Open)
            .Permit(Accept, Accepted)
            .Ignore(ReturnToReview));
        InRegister(machine.Configure(Accepted)
            .InternalTransition(Accept, _ => { })
            .Permit(ReturnToReview, Open));
        machine.Configure(Closed)
            .Permit(Reopen, Open)
            .Ignore(ReturnToReview);
        return machine;

        StateMachine<RiskState, RiskTrigger>.StateConfiguration InRegister(StateMachine<RiskState, RiskTrigger>.StateConfiguration state) => state
            .InternalTransition(Mitigate, _ => { })
            .InternalTransition(Link, _ => { })
            .InternalTransition(Update, _ => { })
            .InternalTransition(RequestAcceptance, _ => { })
            .PermitIf(Close, Closed, () => risk.NextReview is not null, ReviewDateSet);
    }
}

/// <summary>What a risk's state means to those who read it.</summary>
public static class RiskStates
{
    extension(RiskData risk)
    {
        public bool IsClosed => risk.State == Closed;

        /// <summary>Open and not accepted: the register expects mitigation to ship.</summary>
        public bool IsInReview => risk.State == Open;

        public bool IsAccepted => risk.State == Accepted;
    }
}
