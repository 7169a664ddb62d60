namespace ExecOps.Workflows.Storage;

/// <summary>Someone else changed the record first; the caller's change was not written.</summary>
public sealed class ConcurrencyConflictException(string kind, string id, long expectedVersion)
    : Exception($"{id} was changed by someone else while you were working on it (expected version {expectedVersion}). Nothing was overwritten; look at it again and retry.")
{
    public string Kind { get; } = kind;
    public string Id { get; } = id;
}
