using System.Data.Common;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// A consistent read of the database that never queues behind the writer: a snapshot of the last
/// commit (WAL on SQLite, REPEATABLE READ on PostgreSQL), so a heavy scoreboard query does not hold up commands being acknowledged.
/// </summary>
public sealed class ReadScope : ISqlScope, IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly SqlDialect dialect;

    private ReadScope(DbConnection connection, DbTransaction transaction, SqlDialect dialect, DateTimeOffset now)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.dialect = dialect;
        Now = now;
        Observations = new ObservationRows(this);
        Markers = new MarkerRows(this);
        Aggregates = new AggregateRows(this);
        Requests = new ProcessedRequestRows(this);
        Outbox = new OutboxRows(this);
        Inbox = new InboxRows(this);
        Leases = new LeaseRows(this);
        KeyRing = new KeyRingRows(this);
        Evidence = new EvidenceRows(this);
        Spend = new SpendRows(this);
        Usage = new UsageRows(this);
    }

    public DateTimeOffset Now { get; }

    public ObservationRows Observations { get; }
    public MarkerRows Markers { get; }
    public AggregateRows Aggregates { get; }
    public ProcessedRequestRows Requests { get; }
    public OutboxRows Outbox { get; }
    public InboxRows Inbox { get; }
    public LeaseRows Leases { get; }
    public KeyRingRows KeyRing { get; }
    public EvidenceRows Evidence { get; }
    public SpendRows Spend { get; }
    public UsageRows Usage { get; }

    internal static async Task<ReadScope> OpenAsync(Database database, DateTimeOffset now, CancellationToken cancel)
    {
        var connection = await database.OpenAsync(cancel);
        try
        {
            return new ReadScope(connection, await database.BeginReadAsync(connection, cancel), database.Dialect, now);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    SqlDialect ISqlScope.Dialect => dialect;

    DbCommand ISqlScope.Command(string sql, params (string Name, object? Value)[] parameters) =>
        connection.Command(sql, transaction, parameters);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
