namespace ExecOps.Workflows.Blockers;

/// <summary>What someone asked of `/blocker` or a blocker's card, checked for form.</summary>
public abstract record BlockerRequest;

/// <param name="On">A team or an entry of the ownership map, as typed.</param>
/// <param name="For">The change (CHG-n) or decision (DEC-…) it holds up.</param>
public sealed record OpenBlocker(string What, string On, string? For) : BlockerRequest;

public sealed record ListBlockers : BlockerRequest;
public sealed record ShowBlocker(string Id) : BlockerRequest;
public sealed record UnblockBlocker(string Id, string? Note, long? Seen = null) : BlockerRequest;
public sealed record ReassignBlocker(string Id, string To, long? Seen = null) : BlockerRequest;
public sealed record AcceptBlockerDelay(string Id, DateOnly Until, string Reason, long? Seen = null) : BlockerRequest;
