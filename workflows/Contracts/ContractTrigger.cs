namespace ExecOps.Workflows.Contracts;

public enum ContractTrigger { Amend, End }
