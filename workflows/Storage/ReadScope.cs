using Microsoft.Data.Sqlite;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// A consistent read of the database that never queues behind the writer: WAL gives it a snapshot
/// of the last commit, so a heavy scoreboard query does not hold up commands being acknowledged.
/// </summary>
public sealed class ReadScope : ISqlScope, IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;

    private ReadScope(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        this.connection = connection;
        this.transaction = transaction;
        Now = now;
        Observations = new ObservationRows(this);
        Markers = new MarkerRows(this);
        Aggregates = new AggregateRows(this);
        Requests = new ProcessedRequestRows(this);
        Outbox = new OutboxRows(this);
        Inbox = new InboxRows(this);
    }

    public DateTimeOffset Now { get; }

    public ObservationRows Observations { get; }
    public MarkerRows Markers { get; }
    public AggregateRows Aggregates { get; }
    public ProcessedRequestRows Requests { get; }
    public OutboxRows Outbox { get; }
    public InboxRows Inbox { get; }

    internal static async Task<ReadScope> OpenAsync(Database database, DateTimeOffset now, CancellationToken cancel)
    {
        var connection = await database.OpenAsync(cancel);
        try
        {
            return new ReadScope(connection, connection.BeginTransaction(deferred: true), now);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    SqliteCommand ISqlScope.Command(string sql, params (string Name, object? Value)[] parameters) =>
        connection.Command(sql, transaction, parameters);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
