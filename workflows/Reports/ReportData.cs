namespace ExecOps.Workflows.Reports;

/// <summary>
/// A drafted report as stored: its files, and the person it was drafted for, whose access level
/// decided which KPIs it shows and who alone (with execs and admins) may open it.
/// </summary>
public sealed class ReportData
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string For { get; set; } = "";
    public List<ReportFile> Files { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
