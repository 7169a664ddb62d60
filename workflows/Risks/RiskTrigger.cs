namespace ExecOps.Workflows.Risks;

/// <summary>What can happen to a risk.</summary>
public enum RiskTrigger { Mitigate, Link, Update, RequestAcceptance, Accept, ReturnToReview, Close, Reopen }
