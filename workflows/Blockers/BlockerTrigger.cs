namespace ExecOps.Workflows.Blockers;

/// <summary>What can happen to a blocker, including the passing of time (its SLA running out, an accepted delay ending).</summary>
public enum BlockerTrigger { Escalate, Unblock, Reassign, AcceptDelay, Resume }
