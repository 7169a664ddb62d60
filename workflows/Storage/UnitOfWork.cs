using System.Data.Common;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// One unit of work: a state change, its timeline entries, its outbox rows and its reminders commit
/// together or not at all (a savepoint in its <see cref="CommitGroup"/>). Work that must only
/// happen once the data is safe (arming a reminder, waking the dispatcher) is queued with
/// <see cref="AfterCommit"/>; it runs in commit order.
/// </summary>
public sealed class UnitOfWork : ISqlScope, IAsyncDisposable
{
    private readonly List<Func<Task>> afterCommit = [];
    private readonly CommitGroup group;
    private readonly string savepoint;
    private readonly Func<Task> leave;
    private readonly IUnitOfWorkObserver? observer;
    private bool kept;
    private int left;

    internal UnitOfWork(CommitGroup group, string savepoint, DateTimeOffset now, IUnitOfWorkObserver? observer, Func<Task> leave)
    {
        this.group = group;
        this.savepoint = savepoint;
        this.leave = leave;
        this.observer = observer;
        Now = now;
        Aggregates = new AggregateRows(this);
        Timeline = new TimelineRows(this);
        Outbox = new OutboxRows(this, NoteQueued);
        Reminders = new ReminderRows(this, observer);
        Counters = new CounterRows(this);
        Requests = new ProcessedRequestRows(this);
        Audit = new AuditRows(this);
        Deliveries = new DeliveryRows(this);
        Conversations = new ConversationRows(this);
        Inbox = new InboxRows(this);
        Observations = new ObservationRows(this);
        Markers = new MarkerRows(this);
        Leases = new LeaseRows(this);
        KeyRing = new KeyRingRows(this);
        Evidence = new EvidenceRows(this);
        Spend = new SpendRows(this);
        Usage = new UsageRows(this);
    }

    internal DbConnection Connection => group.Connection;
    internal DbTransaction Transaction => group.Transaction;

    internal SqlDialect Dialect => group.Dialect;

    SqlDialect ISqlScope.Dialect => Dialect;

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
    public ObservationRows Observations { get; }
    public MarkerRows Markers { get; }
    public LeaseRows Leases { get; }
    public KeyRingRows KeyRing { get; }
    public EvidenceRows Evidence { get; }
    public SpendRows Spend { get; }
    public UsageRows Usage { get; }

    public void AfterCommit(Func<Task> action) => afterCommit.Add(action);

    /// <summary>Only a commit that queued messages wakes the dispatcher: one that woke it on every commit would wake it with its own.</summary>
    private void NoteQueued()
    {
        if (observer is not null) AfterCommit(observer.MessagesQueuedAsync);
    }

    /// <summary>Returns once this unit's work is on disk (with the rest of its group); throws if it never got there.</summary>
    public async Task CommitAsync(CancellationToken cancel = default)
    {
        group.Keep(savepoint, afterCommit);
        kept = true;
        // Let the next writer in (which may commit the group) before waiting, so a caller may read back what it wrote meanwhile.
        await LeaveAsync();
        await group.Committed.WaitAsync(cancel);
    }

    private Task LeaveAsync() => Interlocked.Exchange(ref left, 1) == 0 ? leave() : Task.CompletedTask;

    internal DbCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
        Connection.Command(sql, Transaction, parameters);

    DbCommand ISqlScope.Command(string sql, params (string Name, object? Value)[] parameters) => Command(sql, parameters);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!kept && left == 0) group.Undo(savepoint);
        }
        finally
        {
            await LeaveAsync();
        }
    }
}
