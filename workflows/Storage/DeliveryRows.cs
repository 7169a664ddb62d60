namespace ExecOps.Workflows.Storage;

/// <summary>A message as it was delivered: where, when, its text and its rendered payload.</summary>
public sealed record DeliveredMessage(string MessageId, string Recipient, DateTimeOffset At, string Text, string? Payload);

/// <summary>
/// The log of what the bot delivered where. Keyed by message id, so delivering the same outbox row
/// twice (a retry after a crash) updates one entry instead of adding a second.
/// </summary>
public sealed class DeliveryRows(UnitOfWork unit)
{
    public async Task RecordAsync(DeliveredMessage message)
    {
        await using var command = unit.Command(
            """
            INSERT INTO deliveries (message_id, recipient, at, text, card) VALUES (@id, @to, @at, @text, @card)
            ON CONFLICT (message_id) DO UPDATE SET text = excluded.text, card = excluded.card
            """,
            ("@id", message.MessageId), ("@to", message.Recipient), ("@at", message.At.ToStored()), ("@text", message.Text), ("@card", message.Payload));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<DeliveredMessage>> ForAsync(string recipient, int limit = 200)
    {
        await using var command = unit.Command($"""
            SELECT message_id, recipient, at, text, card FROM (
                SELECT {unit.Dialect.InsertionOrder} AS ord, message_id, recipient, at, text, card FROM deliveries
                WHERE {unit.Dialect.EqualsIgnoringCase("recipient", "@to")} ORDER BY at DESC, ord DESC LIMIT @limit) AS recent
            ORDER BY at, ord
            """,
            ("@to", recipient), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync();
        var messages = new List<DeliveredMessage>();
        while (await reader.ReadAsync())
            messages.Add(new DeliveredMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2).ToInstant(), reader.GetString(3), reader.GetNullableString(4)));
        return messages;
    }
}
