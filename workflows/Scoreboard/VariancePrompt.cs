namespace ExecOps.Workflows.Scoreboard;

/// <summary>The question put to a red KPI's owner for one week, and where it stands. Stored inside its review.</summary>
public sealed class VariancePrompt : Kernel.IPrompt
{
    public string Kpi { get; set; } = "";

    /// <summary>Who is being asked now: the owner, then the backup owner.</summary>
    public string AskedOf { get; set; } = "";
    public Kernel.PromptState State { get; set; } = Kernel.PromptState.Asked;
    public DateTimeOffset AskedAt { get; set; }
    public VarianceCommentary? Commentary { get; set; }
}
