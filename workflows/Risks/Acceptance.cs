using ExecOps.Workflows.StateMachines;
using static ExecOps.Workflows.Risks.AcceptanceState;
using static ExecOps.Workflows.Risks.AcceptanceTrigger;

namespace ExecOps.Workflows.Risks;

public enum AcceptanceState { Requested, Approved, Rejected, Expired, Ended }

public enum AcceptanceTrigger { Approve, Reject, Expire, End }

/// <summary>A request to live with a risk until a date: nothing is accepted forever (seed §4).</summary>
public sealed class AcceptanceData
{
    public int Number { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public DateOnly Until { get; set; }
    public string Reason { get; set; } = "";
    public AcceptanceState State { get; set; } = Requested;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// The one place that says what happens to an acceptance: the sponsor approves or rejects it (never
/// its own requester); an approved one expires on its date, or ends early when the risk gets worse.
/// </summary>
public static class AcceptanceMachine
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
