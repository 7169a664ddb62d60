namespace ExecOps.Workflows.Tasks;

/// <summary>What can happen to a follow-up task.</summary>
public enum FollowUpTrigger { Finish }
