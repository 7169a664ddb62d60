namespace ExecOps.Workflows.Kernel;

/// <summary>What can happen to a question put to an owner, including the passing of time.</summary>
public enum PromptTrigger { Remind, AskBackup, Answer }
