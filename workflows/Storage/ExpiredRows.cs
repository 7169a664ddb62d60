namespace ExecOps.Workflows.Storage;

/// <summary>
/// Deletes what is only kept for a while: handled inbox requests (kept to recognise a platform's
/// retries), delivered outbox messages, the delivery log, and the per-platform marks that stop a
/// retried delivery from being sent twice (keys under `delivered/`). A batch at a time, so a long
/// backlog never holds the writer for long. Failed messages, audit, timelines and the marks that
/// keep a workflow from acting twice are never deleted.
/// </summary>
public sealed class ExpiredRows(UnitOfWork unit)
{
    /// <summary>How many rows went, in all.</summary>
    public async Task<int> DeleteAsync(DateTimeOffset handledBefore, DateTimeOffset deliveredBefore, int batch)
    {
        var handled = handledBefore.ToStored();
        var delivered = deliveredBefore.ToStored();
        return await DeleteAsync("inbox", "id", "processed_at IS NOT NULL AND processed_at < @before", handled, batch)
            + await DeleteAsync("outbox", "id", "delivered_at IS NOT NULL AND delivered_at < @before", delivered, batch)
            + await DeleteAsync("deliveries", "message_id", "at < @before", delivered, batch)
            + await DeleteAsync("processed_requests", "key", "key LIKE 'delivered/%' AND at < @before", delivered, batch);
    }

    private async Task<int> DeleteAsync(string table, string id, string where, string before, int batch)
    {
        await using var command = unit.Command($"DELETE FROM {table} WHERE {id} IN (SELECT {id} FROM {table} WHERE {where} LIMIT @batch)", ("@before", before), ("@batch", batch));
        return await command.ExecuteNonQueryAsync();
    }
}
