namespace ExecOps.Workflows.Adrs;

/// <summary>The stored shape of an ADR (seed §10: ADRs for one-way-door decisions, stored in-repo).</summary>
public sealed class AdrData
{
    public string Id { get; set; } = "";
    public long Number { get; set; }
    public string Title { get; set; } = "";
    public string Context { get; set; } = "";
    public string Decision { get; set; } = "";
    public string Consequences { get; set; } = "";
    public AdrState State { get; set; } = AdrState.Proposed;

    /// <summary>The decision log entry that funded it (DEC-…), whose approver may accept it.</summary>
    public string? FundedBy { get; set; }
    public string? FundedByApprover { get; set; }
    public string ProposedBy { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? Supersedes { get; set; }
    public string? SupersededBy { get; set; }
}
