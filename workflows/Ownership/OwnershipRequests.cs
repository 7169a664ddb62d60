namespace ExecOps.Workflows.Ownership;

/// <summary>What someone asked of `/owner`, checked for form and ready for the map or the audit.</summary>
public abstract record OwnershipRequest;

public sealed record ShowMap : OwnershipRequest;
public sealed record ShowOwner(string Name) : OwnershipRequest;
public sealed record ShowOrphans : OwnershipRequest;
public sealed record ShowLoad(int Weeks) : OwnershipRequest;

/// <summary>`/owner set payments owner:@lee tier:1` or `/owner set team:identity lead:@bob`: field → value, as typed.</summary>
public sealed record AmendOwnership(string Target, bool OfTeam, IReadOnlyList<(string Field, string Value)> Changes) : OwnershipRequest;

public sealed record ShowAudit(string? Quarter) : OwnershipRequest;

/// <summary>An owner confirms everything the quarter's audit asked them about; from a card, the owner the card asks.</summary>
public sealed record ConfirmOwnership(string? Quarter, string? Owner = null) : OwnershipRequest;

/// <summary>An owner says an entry is not theirs: it needs a new owner, and its team's lead hears so.</summary>
public sealed record DisownEntry(string Entry, string Reason) : OwnershipRequest;
