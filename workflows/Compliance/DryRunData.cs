namespace ExecOps.Workflows.Compliance;

/// <summary>A finding of a dry run, and the task (with its ticket) it became.</summary>
public sealed record Finding(int Number, DateTimeOffset At, string By, string Text, string TaskKey);

/// <summary>One quarter's internal audit dry run of a control (seed §7).</summary>
public sealed class DryRunData
{
    /// <summary>As people say it: 2027-Q1.</summary>
    public string Quarter { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public DryRunState State { get; set; } = DryRunState.Asked;
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public List<Finding> Findings { get; set; } = [];
}
