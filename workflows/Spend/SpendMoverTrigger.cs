namespace ExecOps.Workflows.Spend;

/// <summary>What can happen to a spend mover's question, including the passing of time.</summary>
public enum SpendMoverTrigger { Remind, AskBackup, Explain }
