using Microsoft.Data.Sqlite;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// One transaction: a state change, its timeline entries, its outbox rows and its reminders commit
/// together or not at all. Work that must only happen once the data is safe (arming a reminder,
/// waking the dispatcher) is queued with <see cref="AfterCommit"/>.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly List<Func<Task>> afterCommit = [];
    private readonly Action release;
    private bool committed;
    private int released;

    internal UnitOfWork(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, IUnitOfWorkObserver? observer, Action release)
    {
        this.release = release;
        Connection = connection;
        Transaction = transaction;
        Now = now;
        Aggregates = new AggregateRows(this);
        Timeline = new TimelineRows(this);
        Outbox = new OutboxRows(this);
        Reminders = new ReminderRows(this, observer);
        Counters = new CounterRows(this);
        Requests = new ProcessedRequestRows(this);
        Audit = new AuditRows(this);
        Deliveries = new DeliveryRows(this);
        Conversations = new ConversationRows(this);
        Inbox = new InboxRows(this);
        if (observer is not null) afterCommit.Add(observer.CommittedAsync);
    }

    internal SqliteConnection Connection { get; }
    internal SqliteTransaction Transaction { get; }

    /// <summary>The clock reading for this unit of work: every row it writes carries the same time.</summary>
    public DateTimeOffset Now { get; }

    public AggregateRows Aggregates { get; }
    public TimelineRows Timeline { get; }
    public OutboxRows Outbox { get; }
    public ReminderRows Reminders { get; }
    public CounterRows Counters { get; }
    public ProcessedRequestRows Requests { get; }
    public AuditRows Audit { get; }
    public DeliveryRows Deliveries { get; }
    public ConversationRows Conversations { get; }
    public InboxRows Inbox { get; }

    public void AfterCommit(Func<Task> action) => afterCommit.Add(action);

    public async Task CommitAsync(CancellationToken cancel = default)
    {
        await Transaction.CommitAsync(cancel);
        committed = true;
        // The data is safe: let the next writer in before arming reminders and waking the dispatcher, and so that
        // a caller may read back what it wrote while this unit is still open.
        Release();
        foreach (var action in afterCommit) await action();
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref released, 1) == 0) release();
    }

    internal SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
        Connection.Command(sql, Transaction, parameters);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!committed) await Transaction.RollbackAsync();
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            Release();
        }
    }
}
