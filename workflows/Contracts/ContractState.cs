namespace ExecOps.Workflows.Contracts;

/// <summary>A contract in force, or past its end date.</summary>
public enum ContractState { Active, Ended }
