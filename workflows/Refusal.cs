namespace ExecOps.Workflows;

/// <summary>Why a request was turned down, so adapters can answer in kind (and audit the refusal).</summary>
public enum RefusalKind { Invalid, NotFound, NotAllowedNow, Forbidden, Conflict, TooLarge }

/// <summary>
/// A request the domain will not carry out, with a message for the person who made it: what was
/// wrong and what to do instead. Nothing was changed when this is thrown.
/// </summary>
public sealed class RefusedException(RefusalKind kind, string message, string? subject = null) : Exception(message)
{
    public RefusalKind Kind { get; } = kind;

    /// <summary>The id of the thing involved, if any, for the audit log.</summary>
    public string? Subject { get; } = subject;
}
