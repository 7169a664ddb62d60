using System.Diagnostics;
using System.Data.Common;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// One database transaction shared by the units of work that queue up while it is open. Each unit is a
/// savepoint inside it, so a unit that fails undoes only its own work; the group then commits once,
/// with one fsync for all of them. No unit's caller hears "committed" before the group is on disk.
/// </summary>
internal sealed class CommitGroup
{
    private readonly TaskCompletionSource committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Func<Task>> afterCommit = [];
    private readonly long openedAt = Stopwatch.GetTimestamp();
    private int savepoints;
    private int kept;
    private Exception? broken;

    private CommitGroup(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }
    public SqlDialect Dialect { get; }

    /// <summary>Completes when the group is on disk; faults when it is not.</summary>
    public Task Committed => committed.Task;

    public int Units => savepoints;

    public TimeSpan Age => Stopwatch.GetElapsedTime(openedAt);

    /// <summary>True once a unit could not undo its own work: the group can only be rolled back whole.</summary>
    public bool Broken => broken is not null;

    public static async Task<CommitGroup> OpenAsync(Database database, CancellationToken cancel)
    {
        var connection = await database.OpenAsync(cancel);
        try
        {
            return new CommitGroup(connection, await database.BeginWriteAsync(connection, cancel), database.Dialect);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public string Enter()
    {
        var savepoint = $"unit{++savepoints}";
        Transaction.Save(savepoint);
        return savepoint;
    }

    /// <summary>Keeps a unit's work for the group's commit; its after-commit actions run then, in the order units were kept.</summary>
    public void Keep(string savepoint, IReadOnlyList<Func<Task>> actions)
    {
        try
        {
            Transaction.Release(savepoint);
            afterCommit.AddRange(actions);
            kept++;
        }
        catch (DbException e)
        {
            broken ??= e;
            throw;
        }
    }

    public void Undo(string savepoint)
    {
        try
        {
            Transaction.Rollback(savepoint);
            Transaction.Release(savepoint);
        }
        catch (DbException e)
        {
            // SQLite rolls the whole transaction back on some errors (a full disk, I/O), PostgreSQL when the connection breaks: then the savepoint is gone too.
            broken ??= e;
        }
    }

    /// <summary>
    /// Commits, or rolls back when broken; either way every kept unit learns the outcome. Never throws:
    /// the failure belongs to the units waiting on <see cref="Committed"/>. Answers how many units
    /// it committed (none when it failed).
    /// </summary>
    public async Task<int> FinishAsync()
    {
        Exception? failure = broken is null ? null : new InvalidOperationException("A unit of work failed in a way that undid the whole transaction; nothing in it was saved.", broken);
        if (failure is null)
        {
            try { await Transaction.CommitAsync(); }
            catch (Exception e) { failure = e; }
        }
        // Disposing an uncommitted transaction rolls it back, or notes that SQLite already did.
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
        if (failure is not null)
        {
            committed.SetException(failure);
            _ = committed.Task.Exception; // observed here: a group whose units were all undone has nobody waiting
            return 0;
        }
        committed.SetResult();
        foreach (var action in afterCommit) await action();
        return kept;
    }
}
