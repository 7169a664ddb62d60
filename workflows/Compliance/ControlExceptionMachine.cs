using Stateless;
using static ExecOps.Workflows.Compliance.ControlExceptionState;
using static ExecOps.Workflows.Compliance.ControlExceptionTrigger;

namespace ExecOps.Workflows.Compliance;

/// <summary>
/// The one place that says what happens to an exception to a control: the approver named when it was asked
/// for (the owner's manager) approves or rejects it, and never its requester; an approved one expires on its
/// date or ends when a renewal replaces it; one nobody decided lapses on its date.
/// </summary>
internal static class ControlExceptionMachine
{
    public const string TheApprover = "the approver named on the request (the control owner's manager)";
    public const string NotTheRequester = "an approver other than the requester";

    public static StateMachine<ControlExceptionState, ControlExceptionTrigger> For(ControlExceptionData exception, Func<bool> deciderIsApprover, Func<bool> deciderIsNotRequester)
    {
        var machine = new StateMachine<ControlExceptionState, ControlExceptionTrigger>(() => exception.State, s => exception.State = s);
        var guards = new[] { new Tuple<Func<bool>, string>(deciderIsApprover, TheApprover), new Tuple<Func<bool>, string>(deciderIsNotRequester, NotTheRequester) };
        machine.Configure(Requested)
            .PermitIf(Approve, Approved, guards)
            .PermitIf(Reject, Rejected, guards)
            .Permit(Expire, Expired);
        machine.Configure(Approved)
            .Permit(Expire, Expired)
            .Permit(End, Ended);
        return machine;
    }

    /// <summary>For what no person decides (its date, a renewal): no guard applies.</summary>
    public static StateMachine<ControlExceptionState, ControlExceptionTrigger> ByTime(ControlExceptionData exception) => For(exception, () => true, () => true);
}

/// <summary>What an exception's state means to those who read it.</summary>
public static class ControlExceptionStates
{
    extension(ControlExceptionData exception)
    {
        public bool AwaitsApprover => exception.State == Requested;

        public bool IsInForce => exception.State == Approved;

        /// <summary>Waiting for its approver or in force: not yet over.</summary>
        public bool IsOpen => exception.State is Requested or Approved;
    }
}
