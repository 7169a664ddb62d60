namespace ExecOps.Workflows.Kernel;

/// <summary>Where a question put to an owner stands (a red KPI's commentary, a spend mover's explanation).</summary>
public enum PromptState { Asked, Reminded, BackupAsked, Answered }
