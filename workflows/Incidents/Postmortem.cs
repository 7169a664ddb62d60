namespace ExecOps.Workflows.Incidents;

/// <summary>
/// A prevention item either fixes this one failure (local) or a whole class of failures (systemic:
/// tooling, process, architecture). The playbook asks for at least one systemic item per postmortem.
/// </summary>
public sealed record PreventionItem(string Text, bool Systemic);

public sealed class Postmortem
{
    public string? RootCause { get; set; }
    public string? Summary { get; set; }
    public List<PreventionItem> Prevention { get; set; } = [];
    public DateTimeOffset RecordedAt { get; set; }

    public bool HasSystemicItem => Prevention.Any(p => p.Systemic);
}
