namespace ExecOps.Workflows.Storage;

/// <summary>
/// Opens units of work against the database, stamped with the injected clock. SQLite has one writer
/// at a time, so units queue here, in order and without holding a thread. Units that queue up
/// share one transaction (a <see cref="CommitGroup"/>) and one fsync: the group commits as soon as
/// nobody is queued behind it, or when it reaches <see cref="MaxGroupSize"/> units or its
/// maximum wait, so a steady stream of writers still sees its commits promptly.
/// </summary>
/// <param name="maxGroupWait">How long a group may stay open while writers keep joining it; 10 ms unless a test says otherwise.</param>
public sealed class Store(Database database, TimeProvider clock, IUnitOfWorkObserver? observer = null, TimeSpan? maxGroupWait = null)
{
    public const int MaxGroupSize = 64;
    public static readonly TimeSpan DefaultMaxGroupWait = TimeSpan.FromMilliseconds(10);

    private readonly TimeSpan groupWaitLimit = maxGroupWait ?? DefaultMaxGroupWait;

    private readonly SemaphoreSlim writer = new(1, 1);
    private int queued;
    private CommitGroup? group;
    private long commits;
    private long unitsCommitted;

    public Database Database => database;

    public TimeProvider Clock => clock;

    /// <summary>Transactions committed, and the units of work they carried: their ratio is the group size achieved.</summary>
    public (long Commits, long Units) Committed => (Interlocked.Read(ref commits), Interlocked.Read(ref unitsCommitted));

    public async Task<UnitOfWork> BeginAsync(CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        Interlocked.Increment(ref queued);
        // Not cancellable: a unit that leaves while others are queued relies on one of them to commit the group.
        await writer.WaitAsync(CancellationToken.None);
        Interlocked.Decrement(ref queued);
        try
        {
            group ??= await CommitGroup.OpenAsync(database, CancellationToken.None);
            var savepoint = group.Enter();
            return new UnitOfWork(group, savepoint, clock.GetUtcNow(), observer, LeaveAsync);
        }
        catch
        {
            await LeaveAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> on a snapshot of the last commit, beside the writer rather than behind it.</summary>
    public async Task<T> ReadAsync<T>(Func<ReadScope, Task<T>> read, CancellationToken cancel = default)
    {
        await using var scope = await ReadScope.OpenAsync(database, clock.GetUtcNow(), cancel);
        return await read(scope);
    }

    /// <summary>Runs <paramref name="work"/> in its own unit of work and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<UnitOfWork, Task<T>> work, CancellationToken cancel = default)
    {
        await using var unit = await BeginAsync(cancel);
        var result = await work(unit);
        await unit.CommitAsync(cancel);
        return result;
    }

    /// <summary>A unit is done with the writer: commit the group if nobody is queued to join it, then let the next one in.</summary>
    private async Task LeaveAsync()
    {
        try
        {
            if (group is { } open && (open.Broken || Volatile.Read(ref queued) == 0 || open.Units >= MaxGroupSize || open.Age >= groupWaitLimit))
            {
                group = null;
                if (await open.FinishAsync() is var kept and > 0)
                {
                    Interlocked.Increment(ref commits);
                    Interlocked.Add(ref unitsCommitted, kept);
                }
            }
        }
        finally
        {
            writer.Release();
        }
    }
}
