using static ExecOps.Workflows.Risks.AcceptanceState;

namespace ExecOps.Workflows.Risks;

/// <summary>A request to live with a risk until a date: nothing is accepted forever (seed §4).</summary>
public sealed class AcceptanceData
{
    public int Number { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public DateOnly Until { get; set; }
    public string Reason { get; set; } = "";
    public AcceptanceState State { get; set; } = Requested;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Note { get; set; }
}
