namespace ExecOps.Workflows.Storage;

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL. Everything else the rows write is
/// common to both (upserts with ON CONFLICT, RETURNING, recursive CTEs, partial indexes).
/// </summary>
internal sealed record SqlDialect(
    Func<string, string, string> EqualsIgnoringCase,
    string LaneIndexHint,
    string InsertionOrder,
    string? SerializeAuditChain,
    string SkipLocked)
{
    public static readonly SqlDialect Sqlite = new(
        (column, parameter) => $"{column} = {parameter} COLLATE NOCASE",
        // The planner otherwise takes the due-time index and reads every waiting row for each step of the lane walk.
        LaneIndexHint: "INDEXED BY ix_outbox_lane",
        InsertionOrder: "rowid",
        // One writer at a time already: nobody else can read the chain's end between our read and our insert.
        SerializeAuditChain: null,
        // One writer: nothing is ever locked by another claimant.
        SkipLocked: "");

    public static readonly SqlDialect Postgres = new(
        (column, parameter) => $"lower({column}) = lower({parameter})",
        LaneIndexHint: "",
        InsertionOrder: "seq",
        // Replicas append side by side: each holds this until it commits, so no two rows follow the same hash.
        SerializeAuditChain: "SELECT pg_advisory_xact_lock(4573390915733651458)",
        SkipLocked: "FOR UPDATE SKIP LOCKED");
}
