namespace ExecOps.Workflows.Storage;

/// <summary>A request from a platform, kept from the moment it was acknowledged until it has been handled.</summary>
public sealed record InboxItem(long Id, string Source, string Key, string Payload, DateTimeOffset ReceivedAt, int Attempts);

/// <summary>
/// The inbox: a platform request is written here before it is acknowledged, so one that was
/// acknowledged is never lost to a crash; the key (an event id) makes a redelivery a no-op.
/// </summary>
public sealed class InboxRows(UnitOfWork unit)
{
    /// <summary>Keeps the request and returns its id, or null when a request with this key was already taken in.</summary>
    public async Task<long?> AcceptAsync(string source, string key, string payload)
    {
        await using var command = unit.Command(
            "INSERT INTO inbox (source, key, payload, received_at) VALUES ($source, $key, $payload, $now) ON CONFLICT (key) DO NOTHING RETURNING id",
            ("$source", source), ("$key", key), ("$payload", payload), ("$now", unit.Now.ToStored()));
        return await command.ExecuteScalarAsync() is long id ? id : null;
    }

    /// <summary>Requests not yet handled that arrived before <paramref name="receivedBefore"/>, oldest first.</summary>
    public Task<IReadOnlyList<InboxItem>> PendingAsync(DateTimeOffset receivedBefore, int limit) =>
        QueryAsync("WHERE processed_at IS NULL AND received_at < $before ORDER BY id LIMIT $limit", ("$before", receivedBefore.ToStored()), ("$limit", limit));

    public async Task MarkProcessedAsync(long id, string? error = null)
    {
        await using var command = unit.Command(
            "UPDATE inbox SET processed_at = $now, attempts = attempts + 1, last_error = $error WHERE id = $id",
            ("$id", id), ("$now", unit.Now.ToStored()), ("$error", error));
        await command.ExecuteNonQueryAsync();
    }

    public async Task CountAttemptAsync(long id, string error)
    {
        await using var command = unit.Command("UPDATE inbox SET attempts = attempts + 1, last_error = $error WHERE id = $id", ("$id", id), ("$error", error));
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<InboxItem>> QueryAsync(string where, params (string, object?)[] parameters)
    {
        await using var command = unit.Command($"SELECT id, source, key, payload, received_at, attempts FROM inbox {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<InboxItem>();
        while (await reader.ReadAsync())
            items.Add(new InboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4).ToInstant(), reader.GetInt32(5)));
        return items;
    }
}
