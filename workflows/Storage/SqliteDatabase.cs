using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ExecOps.Workflows.Storage;

/// <summary>The SQLite file everything is kept in. WAL lets readers run while one writer commits.</summary>
public sealed class SqliteDatabase : Database
{
    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Busy waits come from the command timeout: a writer waits its turn instead of failing.
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public override string Name => Path;

    internal override SqlDialect Dialect => SqlDialect.Sqlite;

    public override bool IsShared => false;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancel = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancel);
        // FULL: an acknowledged command survives a power cut, not only a killed process.
        await connection.ExecuteAsync("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", cancel);
        return connection;
    }

    internal override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancel) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    internal override Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancel) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    internal override IReadOnlyList<MigrationStep> Steps => SqliteSchema.Steps;

    /// <remarks>The applied number lives in PRAGMA user_version, so a half-applied step rolls back with its transaction.</remarks>
    internal override async Task<int> MigrateAsync(CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        // WAL is a property of the file, so setting it once here covers every later connection.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;", cancel);
        var current = await VersionAsync(connection, cancel);
        Migrations.RefuseNewer(this, current);
        foreach (var step in Steps.Where(s => s.Version > current))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancel);
            await using (var command = connection.Command(step.Sql + $"\nPRAGMA user_version = {step.Version};", transaction))
                await command.ExecuteNonQueryAsync(cancel);
            await transaction.CommitAsync(cancel);
        }
        return await VersionAsync(connection, cancel);
    }

    public override async Task<int> CurrentVersionAsync(CancellationToken cancel = default)
    {
        await using var connection = await OpenAsync(cancel);
        return await VersionAsync(connection, cancel);
    }

    public override Task ListenForOutboxAsync(Action heard, CancellationToken cancel) => Task.CompletedTask;

    public override Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancel = default) => Task.FromResult<IAsyncDisposable>(Unlocked.Instance);

    private sealed class Unlocked : IAsyncDisposable
    {
        public static readonly Unlocked Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static async Task<int> VersionAsync(DbConnection connection, CancellationToken cancel)
    {
        await using var command = connection.Command("PRAGMA user_version;", null);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancel));
    }
}
