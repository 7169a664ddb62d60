namespace ExecOps.Workflows.Decisions;

/// <summary>A scale readout in progress (seed 003): who runs it, how many decisions it is to take, and when it started.</summary>
public sealed class ReadoutData
{
    public string Id { get; set; } = "";
    public string Owner { get; set; } = "";
    public int Expected { get; set; }

    /// <summary>Decisions already proposed when the readout began: each counts as logged once its approver decides.</summary>
    public List<string> Agenda { get; set; } = [];
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? LoggedAt { get; set; }
}
