using System.Data.Common;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// A request from a platform, kept from the moment it was acknowledged until it has been handled. A
/// request answered within its platform's time budget is not kept first (<see cref="IsKept"/> false, id 0):
/// its row is written with its first change, already handled, or when the budget runs out.
/// </summary>
public sealed record InboxItem(long Id, string Source, string Key, string Payload, DateTimeOffset ReceivedAt, int Attempts)
{
    public bool IsKept => Id > 0;
}

/// <summary>
/// The inbox: a platform request is written here before it is acknowledged, so one that was
/// acknowledged is never lost to a crash; the key (an event id) makes a redelivery a no-op.
/// </summary>
public sealed class InboxRows(ISqlScope unit)
{
    /// <summary>Keeps the request and returns its id, or null when a request with this key was already taken in.</summary>
    public async Task<long?> AcceptAsync(string source, string key, string payload)
    {
        await using var command = unit.Command(
            "INSERT INTO inbox (source, key, payload, received_at) VALUES (@source, @key, @payload, @now) ON CONFLICT (key) DO NOTHING RETURNING id",
            ("@source", source), ("@key", key), ("@payload", payload), ("@now", unit.Now.ToStored()));
        return await command.ExecuteScalarAsync() is long id ? id : null;
    }

    /// <summary>Keeps a request that its first change has just handled, in that change's transaction; a row already there is left as it is.</summary>
    public Task KeepHandledAsync(string source, string key, string payload) =>
        ExecuteAsync("INSERT INTO inbox (source, key, payload, received_at, processed_at, attempts) VALUES (@source, @key, @payload, @now, @now, 1) ON CONFLICT (key) DO NOTHING",
            ("@source", source), ("@key", key), ("@payload", payload), ("@now", unit.Now.ToStored()));

    /// <summary>
    /// Keeps a request that is acknowledged before it is done, as not yet handled, even if its change
    /// already marked it: its answers are not in the outbox yet, so after a crash the sweep gives them.
    /// </summary>
    public Task KeepPendingAsync(string source, string key, string payload) =>
        ExecuteAsync("INSERT INTO inbox (source, key, payload, received_at) VALUES (@source, @key, @payload, @now) ON CONFLICT (key) DO UPDATE SET processed_at = NULL",
            ("@source", source), ("@key", key), ("@payload", payload), ("@now", unit.Now.ToStored()));

    public async Task<bool> ExistsAsync(string key)
    {
        await using var command = unit.Command("SELECT 1 FROM inbox WHERE key = @key", ("@key", key));
        return await command.ExecuteScalarAsync() is not null;
    }

    /// <summary>Requests taken in and not yet handled, and when the oldest of them came.</summary>
    public async Task<(long Count, DateTimeOffset? Oldest)> BacklogAsync()
    {
        await using var command = unit.Command("SELECT count(*), min(received_at) FROM inbox WHERE processed_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1).ToInstant());
    }

    /// <summary>Requests not yet handled that arrived before <paramref name="receivedBefore"/>, oldest first.</summary>
    public Task<IReadOnlyList<InboxItem>> PendingAsync(DateTimeOffset receivedBefore, int limit) =>
        QueryAsync("WHERE processed_at IS NULL AND received_at < @before ORDER BY id LIMIT @limit", ("@before", receivedBefore.ToStored()), ("@limit", limit));

    /// <summary>
    /// Claims, for <paramref name="holder"/> until <paramref name="until"/>, up to <paramref name="limit"/>
    /// requests not yet handled that arrived before <paramref name="receivedBefore"/> and that nobody's
    /// claim covers; oldest first. Writes are one group at a time on either database, so two replicas'
    /// sweeps see each other's claims and share the backlog instead of running it twice.
    /// </summary>
    public async Task<IReadOnlyList<InboxItem>> ClaimPendingAsync(DateTimeOffset receivedBefore, int limit, string holder, DateTimeOffset until)
    {
        const string Unclaimed = "processed_at IS NULL AND (claimed_until IS NULL OR claimed_until <= @now)";
        await using var command = unit.Command($"""
            UPDATE inbox SET claimed_by = @holder, claimed_until = @until
            WHERE {Unclaimed} AND id IN (
                SELECT id FROM inbox WHERE {Unclaimed} AND received_at < @before ORDER BY id LIMIT @limit)
            RETURNING id, source, key, payload, received_at, attempts
            """,
            ("@holder", holder), ("@until", until.ToStored()), ("@now", unit.Now.ToStored()), ("@before", receivedBefore.ToStored()), ("@limit", limit));
        return [.. (await ReadAsync(command)).OrderBy(i => i.Id)];
    }

    public Task MarkProcessedAsync(string key, string? error = null) =>
        ExecuteAsync("UPDATE inbox SET processed_at = @now, attempts = attempts + 1, last_error = @error WHERE key = @key",
            ("@key", key), ("@now", unit.Now.ToStored()), ("@error", error));

    /// <summary>Counts a failed run and lets go of any claim on it, so the next sweep may try again.</summary>
    public Task CountAttemptAsync(string key, string error) =>
        ExecuteAsync("UPDATE inbox SET attempts = attempts + 1, last_error = @error, claimed_by = NULL, claimed_until = NULL WHERE key = @key", ("@key", key), ("@error", error));

    private async Task ExecuteAsync(string sql, params (string, object?)[] parameters)
    {
        await using var command = unit.Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<InboxItem>> QueryAsync(string where, params (string, object?)[] parameters)
    {
        await using var command = unit.Command($"SELECT id, source, key, payload, received_at, attempts FROM inbox {where}", parameters);
        return await ReadAsync(command);
    }

    private static async Task<IReadOnlyList<InboxItem>> ReadAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<InboxItem>();
        while (await reader.ReadAsync())
            items.Add(new InboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4).ToInstant(), reader.GetInt32(5)));
        return items;
    }
}
