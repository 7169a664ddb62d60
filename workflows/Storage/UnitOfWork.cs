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
    private bool committed;

    internal UnitOfWork(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, IUnitOfWorkObserver? observer)
    {
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
        foreach (var action in afterCommit) await action();
    }

    internal SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
        Connection.Command(sql, Transaction, parameters);

    public async ValueTask DisposeAsync()
    {
        if (!committed) await Transaction.RollbackAsync();
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
