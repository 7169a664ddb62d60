namespace ExecOps.Workflows.Storage;

/// <summary>Opens units of work against the database, stamped with the injected clock.</summary>
public sealed class Store(Database database, TimeProvider clock, IUnitOfWorkObserver? observer = null)
{
    public Database Database => database;

    public TimeProvider Clock => clock;

    public async Task<UnitOfWork> BeginAsync(CancellationToken cancel = default)
    {
        var connection = await database.OpenAsync(cancel);
        try
        {
            // Immediate: take the write lock up front, so two writers never both read and then collide on upgrade.
            var transaction = connection.BeginTransaction(deferred: false);
            return new UnitOfWork(connection, transaction, clock.GetUtcNow(), observer);
        }
        catch
        {
            await connection.DisposeAsync();
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
