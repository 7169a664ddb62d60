namespace ExecOps.Workflows.Blockers;

/// <summary>Section `Blockers`.</summary>
public sealed class BlockerSettings
{
    /// <summary>A team's response SLA when the ownership map gives it none (seed §10: escalate blockers past 48 h).</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromHours(48);

    /// <summary>The top of every ladder.</summary>
    public string Ceo { get; set; } = "ceo";

    public IEnumerable<string> Problems()
    {
        if (EscalateAfter < TimeSpan.FromHours(1) || EscalateAfter > TimeSpan.FromDays(30)) yield return "Blockers:EscalateAfter must be from 1 hour to 30 days.";
    }
}
