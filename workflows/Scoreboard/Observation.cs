namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// One reading of a KPI for one slice: its value as of <see cref="At"/>. A week shows the latest
/// reading at or before its end, so a pipeline may post daily, weekly or whenever it has news.
/// </summary>
public sealed record Observation(string Kpi, DateTimeOffset At, decimal Value, Slice Slice);

/// <summary>
/// What a pipeline sent for one observation, before it is checked: every field as text, and what
/// the wire format's reader already found wrong with it (a CSV row with too many fields, say).
/// </summary>
public sealed record ObservationInput(
    string? Kpi, string? Period, string? At, string? Value,
    string? Icp = null, string? Size = null, string? Region = null,
    string? Domain = null, string? Service = null, string? Team = null,
    string? Unreadable = null);

/// <summary>A row that could not be used: where it was in the batch (from 0) and why.</summary>
public sealed record RejectedRow(int Index, string Reason);

/// <summary>What a stored batch changed: rows new to the scoreboard, rows that restated a value, rows already there.</summary>
public sealed record IntakeReceipt(int Stored, int Revised, int Unchanged);
