using ExecOps.Workflows.Notifications;

namespace ExecOps.Workflows.Storage;

/// <summary>A notification waiting in the outbox, with its delivery history.</summary>
public sealed record OutboxMessage(long Id, Notification Notification, int Attempts, DateTimeOffset CreatedAt)
{
    /// <summary>Stable across retries, so a platform that saw the first attempt can recognise the second.</summary>
    public string MessageId => $"ob-{Id}";
}

/// <param name="queued">Told of each message queued, so the unit can wake the dispatcher once it commits.</param>
public sealed class OutboxRows(ISqlScope unit, Action? queued = null)
{
    private bool wakes;

    /// <remarks>The first message of a unit also wakes the dispatcher once it commits: this process's, and on PostgreSQL whichever replica's delivers.</remarks>
    public async Task EnqueueAsync(Notification notification)
    {
        if (!wakes)
        {
            wakes = true;
            queued?.Invoke();
            if (unit.Dialect.WakeDeliverer is { } wake)
            {
                await using var notify = unit.Command(wake);
                await notify.ExecuteNonQueryAsync();
            }
        }
        await using var command = unit.Command(
            "INSERT INTO outbox (recipient, text, subject_kind, subject_id, members, created_at, due_at) VALUES (@to, @text, @kind, @id, @members, @now, @now)",
            ("@to", notification.To.Address), ("@text", notification.Text), ("@kind", notification.About?.Kind), ("@id", notification.About?.Id),
            ("@members", notification.Members is { Count: > 0 } members ? string.Join(",", members) : null), ("@now", unit.Now.ToStored()));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The subject kind of an answer that replaces a message: a newer one makes older ones not yet sent pointless.</summary>
    public const string Replaces = "answer.replaces";

    /// <summary>
    /// Keeps a platform's answer to a request. One that replaces a message (an edit of a pressed card)
    /// stands in for any older edit of the same message still waiting, which is then not sent at all.
    /// </summary>
    public async Task EnqueueAnswerAsync(Recipient to, string call, string? replaces)
    {
        if (replaces is not null)
            await ExecuteAsync(
                "UPDATE outbox SET delivered_at = @now, last_error = 'replaced by a newer edit' WHERE recipient = @to AND subject_kind = @kind AND subject_id = @id AND delivered_at IS NULL AND failed_at IS NULL",
                ("@to", to.Address), ("@kind", Replaces), ("@id", replaces), ("@now", unit.Now.ToStored()));
        await EnqueueAsync(new Notification(to, call, replaces is null ? null : new Subject(Replaces, replaces)));
    }

    /// <summary>The recipients with something due now: each is a lane of its own.</summary>
    /// <remarks>
    /// A walk from one waiting recipient to the next along the waiting rows' index, one seek each, so
    /// the cost is the number of lanes, not of rows: a channel held to a platform's pace can have thousands
    /// waiting, and this runs after every commit. The index is named because the planner otherwise
    /// takes the due-time index and reads every waiting row for each step (<see cref="SqlDialect.LaneIndexHint"/>).
    /// </remarks>
    public async Task<IReadOnlyList<Recipient>> DueRecipientsAsync(int limit)
    {
        var hint = unit.Dialect.LaneIndexHint;
        await using var command = unit.Command($"""
            WITH RECURSIVE lanes (recipient) AS (
                SELECT MIN(recipient) FROM outbox {hint} WHERE delivered_at IS NULL AND failed_at IS NULL
                UNION ALL
                SELECT (SELECT MIN(o.recipient) FROM outbox o {hint} WHERE o.delivered_at IS NULL AND o.failed_at IS NULL AND o.recipient > lanes.recipient)
                FROM lanes WHERE lanes.recipient IS NOT NULL)
            SELECT recipient FROM lanes l WHERE recipient IS NOT NULL
              AND EXISTS (SELECT 1 FROM outbox o {hint} WHERE o.recipient = l.recipient AND o.delivered_at IS NULL AND o.failed_at IS NULL AND o.due_at <= @now)
            LIMIT @limit
            """, ("@now", unit.Now.ToStored()), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync();
        var recipients = new List<Recipient>();
        while (await reader.ReadAsync()) recipients.Add(new Recipient(reader.GetString(0)));
        return recipients;
    }

    /// <summary>What is due, oldest first; for one recipient only when <paramref name="to"/> is given.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(int limit, Recipient? to = null)
    {
        await using var command = unit.Command(
            "SELECT id, recipient, text, subject_kind, subject_id, attempts, created_at, members FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL AND due_at <= @now"
            + (to is null ? "" : " AND recipient = @to") + " ORDER BY id LIMIT @limit",
            [("@now", unit.Now.ToStored()), ("@limit", limit), .. to is { } lane ? new[] { ("@to", (object?)lane.Address) } : []]);
        await using var reader = await command.ExecuteReaderAsync();
        var due = new List<OutboxMessage>();
        while (await reader.ReadAsync())
        {
            var kind = reader.GetNullableString(3);
            var subject = kind is null ? null : new Subject(kind, reader.GetString(4));
            var members = reader.GetNullableString(7)?.Split(',');
            due.Add(new OutboxMessage(reader.GetInt64(0), new Notification(new Recipient(reader.GetString(1)), reader.GetString(2), subject, members), reader.GetInt32(5), reader.GetString(6).ToInstant()));
        }
        return due;
    }

    public Task MarkDeliveredAsync(long id) =>
        ExecuteAsync("UPDATE outbox SET delivered_at = @now, attempts = attempts + 1, last_error = NULL WHERE id = @id", ("@id", id), ("@now", unit.Now.ToStored()));

    public Task RetryLaterAsync(long id, DateTimeOffset dueAt, string error) =>
        ExecuteAsync("UPDATE outbox SET due_at = @due, attempts = attempts + 1, last_error = @error WHERE id = @id", ("@id", id), ("@due", dueAt.ToStored()), ("@error", error));

    public Task MarkFailedAsync(long id, string error) =>
        ExecuteAsync("UPDATE outbox SET failed_at = @now, attempts = attempts + 1, last_error = @error WHERE id = @id", ("@id", id), ("@now", unit.Now.ToStored()), ("@error", error));

    public async Task<OutboxCounts> CountAsync()
    {
        await using var command = unit.Command(
            """
            SELECT COUNT(CASE WHEN delivered_at IS NULL AND failed_at IS NULL THEN 1 END), COUNT(failed_at), COUNT(delivered_at) FROM outbox
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new OutboxCounts(reader.GetCount(0), reader.GetCount(1), reader.GetCount(2));
    }

    private async Task ExecuteAsync(string sql, params (string, object?)[] parameters)
    {
        await using var command = unit.Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed record OutboxCounts(int Pending, int Failed, int Delivered);
