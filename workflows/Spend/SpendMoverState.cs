namespace ExecOps.Workflows.Spend;

/// <summary>Where a weekly spend mover's explanation stands.</summary>
public enum SpendMoverState { Asked, Reminded, BackupAsked, Explained }
