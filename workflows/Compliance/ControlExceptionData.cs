using static ExecOps.Workflows.Compliance.ControlExceptionState;

namespace ExecOps.Workflows.Compliance;

/// <summary>An exception to a control until a date, with what compensates for it: nothing is excepted forever (seed §7).</summary>
public sealed class ControlExceptionData
{
    public int Number { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string Approver { get; set; } = "";
    public DateOnly Until { get; set; }
    public string Compensating { get; set; } = "";
    public string Reason { get; set; } = "";
    public ControlExceptionState State { get; set; } = Requested;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Note { get; set; }
}
