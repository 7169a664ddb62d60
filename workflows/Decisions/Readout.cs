namespace ExecOps.Workflows.Decisions;

/// <summary>A scale readout in progress (seed 003): who runs it, how many decisions it is to take, and when it started.</summary>
public sealed class ReadoutData
{
    public string Id { get; set; } = "";
    public string Owner { get; set; } = "";
    public int Expected { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? LoggedAt { get; set; }
}
