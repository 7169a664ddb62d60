namespace ExecOps.Workflows.Compliance;

/// <summary>The stored standing of one control of the catalog: its health and its exceptions. Its evidence is kept apart, append-only.</summary>
public sealed class ControlData
{
    public string Id { get; set; } = "";
    public ControlState State { get; set; } = ControlState.Healthy;

    /// <summary>When it last changed colour.</summary>
    public DateTimeOffset? Since { get; set; }
    public List<ControlExceptionData> Exceptions { get; set; } = [];
    public List<DryRunData> DryRuns { get; set; } = [];

    public ControlExceptionData? ExceptionInForce => Exceptions.LastOrDefault(e => e.IsInForce);
}
