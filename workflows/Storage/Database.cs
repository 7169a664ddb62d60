using System.Data.Common;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// Where everything is kept: an embedded SQLite file (<see cref="SqliteDatabase"/>) for one bot, or a
/// PostgreSQL database (<see cref="PostgresDatabase"/>) that several replicas share. The rows speak one
/// SQL to both; what differs is said by <see cref="Dialect"/>.
/// </summary>
public abstract class Database
{
    /// <summary>What an operator knows it by: the file's path, or the server and database name.</summary>
    public abstract string Name { get; }

    internal abstract SqlDialect Dialect { get; }

    /// <summary>True where several bot processes may use the database at once, so work that must happen once is claimed in it.</summary>
    public abstract bool IsShared { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancel = default);

    /// <summary>A transaction that writes; on SQLite it takes the write lock at once, so another process's writer never collides on upgrade.</summary>
    internal abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancel);

    /// <summary>A transaction that only reads, on a snapshot of the last commit.</summary>
    internal abstract Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancel);

    internal abstract IReadOnlyList<MigrationStep> Steps { get; }

    /// <summary>Brings the schema up to date; answers the version it is at.</summary>
    internal abstract Task<int> MigrateAsync(CancellationToken cancel);

    public abstract Task<int> CurrentVersionAsync(CancellationToken cancel = default);

    /// <summary>
    /// Held, until disposed, while one replica does what only one may do at a time (create the first
    /// signing key). Others asking for the same name wait. Nothing to hold where <see cref="IsShared"/> is false.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancel = default);

    /// <summary>
    /// Calls <paramref name="heard"/> whenever another process commits new outbox rows, until cancelled.
    /// Where <see cref="IsShared"/> is false there is no other process, and this returns at once: the
    /// process's own commits wake its deliverer directly.
    /// </summary>
    public abstract Task ListenForOutboxAsync(Action heard, CancellationToken cancel);
}
