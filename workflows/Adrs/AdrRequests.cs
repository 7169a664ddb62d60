namespace ExecOps.Workflows.Adrs;

/// <summary>What someone asked of `/adr`, checked for form.</summary>
public abstract record AdrRequest;

public sealed record ProposeAdr(string Title, string Context, string Decision, string Consequences, string? FundedBy) : AdrRequest;
public sealed record ListAdrs : AdrRequest;
public sealed record ShowAdr(string Id) : AdrRequest;
public sealed record AcceptAdr(string Id, long? Seen = null) : AdrRequest;
public sealed record SupersedeAdr(string Id, string By) : AdrRequest;
public sealed record ExportAdrs : AdrRequest;
