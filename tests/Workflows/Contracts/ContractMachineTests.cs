using ExecOps.Tests.Workflows.Machines;
using ExecOps.Workflows.Contracts;

namespace ExecOps.Tests.Workflows.Contracts;

/// <summary>Every state × trigger pair of a contract.</summary>
public sealed class ContractMachineTests
{
    public static TheoryData<ContractState, ContractTrigger, ContractState?> Table() => MachineTable.Every(new Dictionary<(ContractState, ContractTrigger), ContractState>
    {
        [(ContractState.Active, ContractTrigger.Amend)] = ContractState.Active,
        [(ContractState.Active, ContractTrigger.End)] = ContractState.Ended,
        [(ContractState.Ended, ContractTrigger.End)] = ContractState.Ended,
    });

    [Theory]
    [MemberData(nameof(Table))]
    public void A_contract_moves_only_as_its_machine_says(ContractState from, ContractTrigger trigger, ContractState? to) =>
        MachineTable.Holds(ContractMachine.For(new ContractData { State = from }), from, trigger, to);
}
