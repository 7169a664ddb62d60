using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Decisions;

/// <summary>Section `Decisions`.</summary>
public sealed class DecisionSettings
{
    /// <summary>The role a decision's approver must hold (and the proposer never approves their own).</summary>
    public string ApproverRole { get; set; } = Roles.Exec;
}
