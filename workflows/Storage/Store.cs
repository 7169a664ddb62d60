using Microsoft.Data.Sqlite;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// Opens units of work against the database, stamped with the injected clock. SQLite has one writer
/// at a time; units queue here, in order and without holding a thread, rather than spinning in
/// SQLite's busy handler, which under load starves the thread pool.
/// </summary>
public sealed class Store(Database database, TimeProvider clock, IUnitOfWorkObserver? observer = null)
{
    private readonly SemaphoreSlim writer = new(1, 1);

    public Database Database => database;

    public TimeProvider Clock => clock;

    public async Task<UnitOfWork> BeginAsync(CancellationToken cancel = default)
    {
        await writer.WaitAsync(cancel);
        SqliteConnection? connection = null;
        try
        {
            connection = await database.OpenAsync(cancel);
            // Immediate: take the write lock up front, so two writers never both read and then collide on upgrade.
            var transaction = connection.BeginTransaction(deferred: false);
            return new UnitOfWork(connection, transaction, clock.GetUtcNow(), observer, () => writer.Release());
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            writer.Release();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in its own unit of work and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<UnitOfWork, Task<T>> work, CancellationToken cancel = default)
    {
        await using var unit = await BeginAsync(cancel);
        var result = await work(unit);
        await unit.CommitAsync(cancel);
        return result;
    }
}
