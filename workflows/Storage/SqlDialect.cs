namespace ExecOps.Workflows.Storage;

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL. Everything else the rows write is
/// common to both (upserts with ON CONFLICT, UPDATE … RETURNING, recursive CTEs, partial indexes).
/// </summary>
internal sealed record SqlDialect(
    Func<string, string, string> EqualsIgnoringCase,
    string LaneIndexHint,
    string InsertionOrder,
    string? WakeDeliverer)
{
    public static readonly SqlDialect Sqlite = new(
        (column, parameter) => $"{column} = {parameter} COLLATE NOCASE",
        // The planner otherwise takes the due-time index and reads every waiting row for each step of the lane walk.
        LaneIndexHint: "INDEXED BY ix_outbox_lane",
        InsertionOrder: "rowid",
        // One process: its own commit wakes its deliverer.
        WakeDeliverer: null);

    public static readonly SqlDialect Postgres = new(
        (column, parameter) => $"lower({column}) = lower({parameter})",
        LaneIndexHint: "",
        InsertionOrder: "seq",
        // Sent when the transaction commits, once however many rows it holds, to whichever replica listens.
        WakeDeliverer: $"SELECT pg_notify('{PostgresDatabase.OutboxChannel}', '')");
}
