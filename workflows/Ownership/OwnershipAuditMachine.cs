using Stateless;
using static ExecOps.Workflows.Ownership.OwnershipAuditState;

namespace ExecOps.Workflows.Ownership;

/// <summary>The one place that says what happens to a quarter's ownership audit: it closes once, when every owner asked has answered.</summary>
internal static class OwnershipAuditMachine
{
    public const string EveryoneAnswered = "every owner asked has confirmed or handed back what they own";

    public static StateMachine<OwnershipAuditState, OwnershipAuditTrigger> For(OwnershipAuditData audit)
    {
        var machine = new StateMachine<OwnershipAuditState, OwnershipAuditTrigger>(() => audit.State, s => audit.State = s);
        machine.Configure(Open).PermitIf(OwnershipAuditTrigger.Close, Closed, () => audit.Owners.Values.All(o => o.ConfirmedAt is not null), EveryoneAnswered);
        return machine;
    }
}

/// <summary>What an audit's state means to those who read it.</summary>
public static class OwnershipAuditStates
{
    extension(OwnershipAuditData audit)
    {
        public bool IsClosed => audit.State == Closed;
    }
}
