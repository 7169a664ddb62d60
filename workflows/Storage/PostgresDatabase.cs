using System.Data;
using System.Data.Common;
using Npgsql;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// A PostgreSQL database that several replicas of the bot share. Reads run on a REPEATABLE READ snapshot,
/// beside any writer, as SQLite's WAL readers do. Writes run at READ COMMITTED, one commit group at a time
/// across all replicas: each group takes one advisory lock before its first statement, as SQLite's
/// writer takes the file. The audit log's hash chain needs its rows in one order anyway, and units that
/// share a transaction (a group) could otherwise take row locks in opposite orders on two replicas and
/// deadlock, failing a command that did nothing wrong. Replicas add availability, not write throughput.
/// </summary>
public sealed class PostgresDatabase : Database, IAsyncDisposable
{
    /// <summary>The advisory lock migrations hold, so replicas starting together apply each step once.</summary>
    private const long MigrationLock = 0x457865634F707301;

    /// <summary>The advisory lock a commit group holds from its first statement to its commit.</summary>
    private const long WriterLock = 0x457865634F707302;

    /// <summary>The channel a commit with new outbox rows notifies, for the replica that delivers.</summary>
    internal const string OutboxChannel = "execops_outbox";

    private static readonly TimeSpan ListenRetry = TimeSpan.FromSeconds(2);

    private readonly NpgsqlDataSource source;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Name = $"{builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}";
        // The rows run the same few dozen statements over and over: prepared once per connection, each
        // is only bound and executed after. No session state outlives a use (transaction locks end with
        // it, the session lock is given back), so a pooled connection need not be reset on return.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 100;
        builder.NoResetOnClose = true;
        source = NpgsqlDataSource.Create(builder);
    }

    public override string Name { get; }

    internal override SqlDialect Dialect => SqlDialect.Postgres;

    public override bool IsShared => true;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancel = default) => await source.OpenConnectionAsync(cancel);

    internal override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancel)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancel);
        await using var wait = connection.Command($"SELECT pg_advisory_xact_lock({WriterLock})", transaction);
        await wait.ExecuteNonQueryAsync(cancel);
        return transaction;
    }

    internal override async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancel) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancel);

    internal override IReadOnlyList<MigrationStep> Steps => PostgresSchema.Steps;

    /// <remarks>
    /// All steps in one transaction under an advisory lock: a replica that starts while another migrates
    /// waits, then finds the schema current. DDL is transactional here, so a failed step leaves nothing behind.
    /// </remarks>
    internal override async Task<int> MigrateAsync(CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await using (var command = connection.Command(
            $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL);",
            transaction))
            await command.ExecuteNonQueryAsync(cancel);
        var current = await VersionAsync(connection, transaction, cancel);
        Migrations.RefuseNewer(this, current);
        foreach (var step in Steps.Where(s => s.Version > current))
        {
            await using (var command = connection.Command(step.Sql, transaction)) await command.ExecuteNonQueryAsync(cancel);
            await using var record = connection.Command("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", transaction,
                ("@version", step.Version), ("@name", step.Name), ("@at", DateTimeOffset.UtcNow.ToStored()));
            await record.ExecuteNonQueryAsync(cancel);
        }
        var version = await VersionAsync(connection, transaction, cancel);
        await transaction.CommitAsync(cancel);
        return version;
    }

    public override async Task<int> CurrentVersionAsync(CancellationToken cancel = default)
    {
        await using var connection = await OpenAsync(cancel);
        return await VersionAsync(connection, null, cancel);
    }

    private static async Task<int> VersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancel)
    {
        await using var command = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancel));
    }

    /// <remarks>A session advisory lock on a connection of its own; closing the connection would free it too.</remarks>
    public override async Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancel = default)
    {
        var connection = await OpenAsync(cancel);
        try
        {
            await using var take = connection.Command("SELECT pg_advisory_lock(hashtextextended(@name, 0))", null, ("@name", name));
            await take.ExecuteNonQueryAsync(cancel);
            return new Held(connection, name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(DbConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = connection.Command("SELECT pg_advisory_unlock(hashtextextended(@name, 0))", null, ("@name", name));
                await release.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <remarks>
    /// A connection of its own, held open and listening. When it breaks it is opened again; what was
    /// committed meanwhile is found by the deliverer's own poll, so a lost notification only delays.
    /// </remarks>
    public override async Task ListenForOutboxAsync(Action heard, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(cancel);
                connection.Notification += (_, _) => heard();
                await using (var listen = connection.Command($"LISTEN {OutboxChannel}", null)) await listen.ExecuteNonQueryAsync(cancel);
                while (true) await connection.WaitAsync(cancel);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested) { return; }
            catch (Exception) when (!cancel.IsCancellationRequested)
            {
                try { await Task.Delay(ListenRetry, cancel); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
