using Stateless;
using static ExecOps.Workflows.Adrs.AdrState;

namespace ExecOps.Workflows.Adrs;

/// <summary>
/// The one place that says what happens to an ADR: proposed, then accepted by someone with the authority of a one-way door
/// (an exec, an admin, or the approver of the decision that funded it), and, once accepted, superseded by a later one, for good.
/// </summary>
internal static class AdrMachine
{
    public const string Deciders = "an exec, an admin, or the approver of the decision that funded it";

    public static StateMachine<AdrState, AdrTrigger> For(AdrData adr, Func<bool> mayDecide)
    {
        var machine = new StateMachine<AdrState, AdrTrigger>(() => adr.State, s => adr.State = s);
        machine.Configure(Proposed).PermitIf(AdrTrigger.Accept, Accepted, mayDecide, Deciders);
        machine.Configure(Accepted).PermitIf(AdrTrigger.Supersede, Superseded, mayDecide, Deciders);
        return machine;
    }
}

/// <summary>What an ADR's state means to those who read it.</summary>
public static class AdrStates
{
    extension(AdrData adr)
    {
        public bool IsProposed => adr.State == Proposed;
        public bool IsInForce => adr.State == Accepted;
    }
}
