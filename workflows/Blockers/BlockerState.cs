namespace ExecOps.Workflows.Blockers;

/// <summary>Where a blocker stands: with the team it waits on, up the ladder, waiting by agreement, or cleared.</summary>
public enum BlockerState { Open, Escalated, DelayAccepted, Unblocked }
