namespace ExecOps.Workflows.Reports;

/// <summary>One Markdown file of a report (the scale readout's three, the board packet's one), named as it is saved.</summary>
public sealed record ReportFile(string Name, string Markdown);
