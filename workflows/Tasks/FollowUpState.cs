namespace ExecOps.Workflows.Tasks;

/// <summary>Whether a follow-up task is still open.</summary>
public enum FollowUpState { Open, Done }
