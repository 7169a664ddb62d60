namespace ExecOps.Workflows.Storage;

/// <summary>One thing that happened to an aggregate: who, what, when. Never edited, never deleted.</summary>
public sealed record TimelineEntry(long Sequence, string AggregateId, DateTimeOffset At, string Actor, string Kind, string Text);

public sealed class TimelineRows(UnitOfWork unit)
{
    public async Task AppendAsync(string aggregateId, string actor, string kind, string text, DateTimeOffset? at = null)
    {
        await using var command = unit.Command(
            "INSERT INTO timeline (aggregate_id, at, actor, kind, text) VALUES (@id, @at, @actor, @kind, @text)",
            ("@id", aggregateId), ("@at", (at ?? unit.Now).ToStored()), ("@actor", actor), ("@kind", kind), ("@text", text));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<TimelineEntry>> ListAsync(string aggregateId)
    {
        await using var command = unit.Command(
            "SELECT seq, aggregate_id, at, actor, kind, text FROM timeline WHERE aggregate_id = @id ORDER BY at, seq", ("@id", aggregateId));
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<TimelineEntry>();
        while (await reader.ReadAsync())
            entries.Add(new TimelineEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2).ToInstant(), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        return entries;
    }
}
