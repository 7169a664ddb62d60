namespace ExecOps.Workflows.Decisions;

/// <summary>A dated milestone a decision commits to.</summary>
public sealed record Milestone(string Name, DateOnly Due);

/// <summary>
/// The stored shape of a decision (seed 003's decision log entry, and more): the verdict, who owns and
/// who approves it, the money, the evidence, the guardrails it must hold, its milestones and revisit date.
/// </summary>
public sealed class DecisionData
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public Verdict Verdict { get; set; }
    public Verdict? Proposed { get; set; }
    public string? OverrideReason { get; set; }
    public string Owner { get; set; } = "";
    public string? Approver { get; set; }

    /// <summary>Who proposed it; never its approver.</summary>
    public string? ProposedBy { get; set; }

    /// <summary>The role its approver must hold, as configured when it was proposed; null (imported history) is exec.</summary>
    public string? ApproverRole { get; set; }
    public decimal BudgetUsd { get; set; }
    public List<string> Evidence { get; set; } = [];
    public List<string> Guardrails { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public DateOnly? Revisit { get; set; }
    public List<Assessment> Assessments { get; set; } = [];
    public DecisionState State { get; set; } = DecisionState.Proposed;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Supersedes { get; set; }
    public string? SupersededBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
