namespace ExecOps.Workflows.Contracts;

/// <summary>What a person asked of the contract inventory, parsed from the command grammar.</summary>
public abstract record ContractRequest;

/// <summary>`/contract import` with the contracts as CSV on the lines after it.</summary>
public sealed record ImportContracts(string Csv) : ContractRequest;
public sealed record ShowContracts : ContractRequest;
public sealed record ShowContract(string ContractId) : ContractRequest;
public sealed record ShowGaps : ContractRequest;
public sealed record ShowUpcoming(int Days) : ContractRequest;
public sealed record AmendTier(string ContractId, string Tier) : ContractRequest;
