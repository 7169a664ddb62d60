namespace ExecOps.Workflows.Storage;

/// <summary>A release on the scoreboard's timeline: what was deployed, to which service, when.</summary>
public sealed record ReleaseMarker(DateTimeOffset At, string Service, string Summary, string Source);

/// <summary>Release markers (seed §1: a first-class dimension), from deploy events and, later, change envelopes.</summary>
public sealed class MarkerRows(ISqlScope scope)
{
    public async Task AddReleaseAsync(ReleaseMarker marker)
    {
        await using var command = scope.Command("INSERT INTO release_markers (at, service, summary, source) VALUES (@at, @service, @summary, @source)",
            ("@at", marker.At.ToStored()), ("@service", marker.Service.ToLowerInvariant()), ("@summary", marker.Summary), ("@source", marker.Source));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<ReleaseMarker>> ReleasesAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = scope.Command("SELECT at, service, summary, source FROM release_markers WHERE at >= @from AND at < @to ORDER BY at",
            ("@from", from.ToStored()), ("@to", to.ToStored()));
        await using var reader = await command.ExecuteReaderAsync();
        var markers = new List<ReleaseMarker>();
        while (await reader.ReadAsync()) markers.Add(new ReleaseMarker(reader.GetString(0).ToInstant(), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return markers;
    }
}
