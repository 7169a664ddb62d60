namespace ExecOps.Workflows.Reports;

/// <summary>One file of a report (the scale readout's three, the board packet's one, an audit pack's Markdown and CSVs), named as it is saved; <see cref="Markdown"/> holds its text whatever its format.</summary>
public sealed record ReportFile(string Name, string Markdown);
