using Stateless;
using static ExecOps.Workflows.Risks.AcceptanceState;
using static ExecOps.Workflows.Risks.AcceptanceTrigger;

namespace ExecOps.Workflows.Risks;

/// <summary>
/// The one place that says what happens to an acceptance: the sponsor approves or rejects it (never
/// its own requester); an approved one expires on its date, or ends early when the risk gets worse.
/// </summary>
internal static class AcceptanceMachine
{
    public const string NotTheRequester = "an approver other than the requester";

    public static StateMachine<AcceptanceState, AcceptanceTrigger> For(AcceptanceData acceptance, Func<bool> deciderIsNotRequester)
    {
        var machine = new StateMachine<AcceptanceState, AcceptanceTrigger>(() => acceptance.State, s => acceptance.State = s);
        machine.Configure(Requested)
            .PermitIf(Approve, Approved, deciderIsNotRequester, NotTheRequester)
            .PermitIf(Reject, Rejected, deciderIsNotRequester, NotTheRequester)
            .Permit(End, Ended);
        machine.Configure(Approved)
            .Permit(Expire, Expired)
            .Permit(End, Ended);
        return machine;
    }
}

/// <summary>What an acceptance's state means to those who read it.</summary>
public static class AcceptanceStates
{
    extension(AcceptanceData acceptance)
    {
        public bool AwaitsSponsor => acceptance.State == Requested;

        /// <summary>Approved and not yet expired or ended: the risk is lived with until its date.</summary>
        public bool IsInForce => acceptance.State == Approved;

        /// <summary>Waiting for the sponsor or in force: not yet over.</summary>
        public bool IsPending => acceptance.State is Requested or Approved;
    }
}
