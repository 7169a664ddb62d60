using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExecOps.Workflows.Storage;

/// <summary>A stored aggregate and the version it was read at, for optimistic concurrency.</summary>
public sealed record Stored<T>(T Body, long Version);

/// <summary>Aggregates kept as JSON documents with their state in a column and a version number.</summary>
public sealed class AggregateRows(ISqlScope unit)
{
    // Enums by name: a stored document must survive someone reordering an enum.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<Stored<T>?> FindAsync<T>(string kind, string id)
    {
        await using var command = unit.Command($"SELECT body, version FROM aggregates WHERE kind = @kind AND {unit.Dialect.EqualsIgnoringCase("id", "@id")}", ("@kind", kind), ("@id", id));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new Stored<T>(JsonSerializer.Deserialize<T>(reader.GetString(0), Json)!, reader.GetInt64(1));
    }

    public async Task<IReadOnlyList<Stored<T>>> ListAsync<T>(string kind, IReadOnlyCollection<string>? states = null)
    {
        var filter = states is { Count: > 0 } ? $" AND state IN ({string.Join(",", states.Select((_, i) => $"@s{i}"))})" : "";
        var parameters = new List<(string, object?)> { ("@kind", kind) };
        if (states is { Count: > 0 }) parameters.AddRange(states.Select((s, i) => ($"@s{i}", (object?)s)));
        await using var command = unit.Command($"SELECT body, version FROM aggregates WHERE kind = @kind{filter} ORDER BY created_at, id", [.. parameters]);
        return await ReadAsync<T>(command);
    }

    private static async Task<IReadOnlyList<Stored<T>>> ReadAsync<T>(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Stored<T>>();
        while (await reader.ReadAsync())
            rows.Add(new Stored<T>(JsonSerializer.Deserialize<T>(reader.GetString(0), Json)!, reader.GetInt64(1)));
        return rows;
    }

    /// <summary>The aggregates of a kind created from <paramref name="from"/> up to, not including, <paramref name="to"/>: an incident's creation is its declaration.</summary>
    public async Task<IReadOnlyList<Stored<T>>> CreatedAsync<T>(string kind, DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = unit.Command("SELECT body, version FROM aggregates WHERE kind = @kind AND created_at >= @from AND created_at < @to ORDER BY created_at, id",
            ("@kind", kind), ("@from", from.ToStored()), ("@to", to.ToStored()));
        return await ReadAsync<T>(command);
    }

    public async Task<long> InsertAsync<T>(string kind, string id, string state, T body)
    {
        await using var command = unit.Command(
            "INSERT INTO aggregates (kind, id, state, version, body, created_at, updated_at) VALUES (@kind, @id, @state, 1, @body, @now, @now)",
            ("@kind", kind), ("@id", id), ("@state", state), ("@body", JsonSerializer.Serialize(body, Json)), ("@now", unit.Now.ToStored()));
        await command.ExecuteNonQueryAsync();
        return 1;
    }

    /// <summary>Inserts a new aggregate (version 0, never stored) or updates one read at <paramref name="version"/>; answers the version stored.</summary>
    public Task<long> SaveAsync<T>(string kind, string id, string state, T body, long version) =>
        version == 0 ? InsertAsync(kind, id, state, body) : UpdateAsync(kind, id, state, body, version);

    /// <summary>Writes only if nobody wrote since <paramref name="expectedVersion"/>; never overwrites.</summary>
    public async Task<long> UpdateAsync<T>(string kind, string id, string state, T body, long expectedVersion)
    {
        await using var command = unit.Command(
            "UPDATE aggregates SET state = @state, body = @body, version = version + 1, updated_at = @now WHERE kind = @kind AND id = @id AND version = @version",
            ("@kind", kind), ("@id", id), ("@state", state), ("@body", JsonSerializer.Serialize(body, Json)), ("@now", unit.Now.ToStored()), ("@version", expectedVersion));
        if (await command.ExecuteNonQueryAsync() == 0)
            throw new ConcurrencyConflictException(kind, id, expectedVersion);
        return expectedVersion + 1;
    }
}
