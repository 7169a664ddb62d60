namespace ExecOps.Workflows.Kpis;

public enum KpiChangeState { Proposed, Approved, Rejected, Effective }

public enum KpiChangeTrigger { Approve, Reject, TakeEffect }
