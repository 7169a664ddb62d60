using Stateless;
using static ExecOps.Workflows.Contracts.ContractState;
using static ExecOps.Workflows.Contracts.ContractTrigger;

namespace ExecOps.Workflows.Contracts;

/// <summary>
/// The one place that says what may happen to a contract: while in force its tier and promises may be amended
/// (each change audited); on its end date it ends, and a renewal comes in as a contract of its own.
/// </summary>
internal static class ContractMachine
{
    public static StateMachine<ContractState, ContractTrigger> For(ContractData contract)
    {
        var machine = new StateMachine<ContractState, ContractTrigger>(() => contract.State, s => contract.State = s);
        machine.Configure(Active)
            .InternalTransition(Amend, _ => { })
            .Permit(End, Ended);
        machine.Configure(Ended)
            .Ignore(End);
        return machine;
    }
}

/// <summary>What a contract's state means to those who read it.</summary>
public static class ContractStates
{
    extension(ContractData contract)
    {
        public bool IsActive => contract.State == Active;
    }
}
