using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Storage;

/// <summary>A KPI reading as stored: its time, its value, and when the bot received it.</summary>
public sealed record StoredObservation(DateTimeOffset At, decimal Value);

/// <summary>
/// KPI observations, one row per KPI, slice and time. The key makes the same observation sent
/// twice one row; a different value for the same key is a restatement and replaces it.
/// "All" in a dimension is stored as '' so that the key covers it.
/// </summary>
public sealed class ObservationRows(ISqlScope scope)
{
    private const string SliceWhere = "domain = $domain AND service = $service AND team = $team AND icp = $icp AND size = $size AND region = $region";

    public async Task<IntakeReceipt> StoreAsync(IReadOnlyList<Observation> rows)
    {
        int stored = 0, revised = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var parameters = Parameters(row.Slice, ("$kpi", row.Kpi), ("$at", row.At.ToStored()), ("$value", (double)row.Value), ("$now", scope.Now.ToStored()));
            await using var insert = scope.Command(
                "INSERT OR IGNORE INTO observations (domain, service, team, icp, size, region, kpi, at, value, received_at) VALUES ($domain, $service, $team, $icp, $size, $region, $kpi, $at, $value, $now)",
                parameters);
            if (await insert.ExecuteNonQueryAsync() == 1)
            {
                stored++;
                await RememberPathAsync(row.Slice);
                continue;
            }
            await using var update = scope.Command(
                $"UPDATE observations SET value = $value, received_at = $now WHERE {SliceWhere} AND kpi = $kpi AND at = $at AND value <> $value", parameters);
            if (await update.ExecuteNonQueryAsync() == 1) revised++;
            else unchanged++;
        }
        return new IntakeReceipt(stored, revised, unchanged);
    }

    /// <summary>Readings of one KPI for one slice from <paramref name="from"/> up to, not including, <paramref name="to"/>, oldest first, with the last reading before <paramref name="from"/> in front.</summary>
    public async Task<IReadOnlyList<StoredObservation>> SeriesAsync(string kpi, Slice slice, DateTimeOffset from, DateTimeOffset to)
    {
        var readings = new List<StoredObservation>();
        await using (var before = scope.Command($"SELECT at, value FROM observations WHERE {SliceWhere} AND kpi = $kpi AND at < $from ORDER BY at DESC LIMIT 1",
            Parameters(slice, ("$kpi", kpi), ("$from", from.ToStored()))))
            readings.AddRange(await ReadAsync(before));
        await using var within = scope.Command($"SELECT at, value FROM observations WHERE {SliceWhere} AND kpi = $kpi AND at >= $from AND at < $to ORDER BY at",
            Parameters(slice, ("$kpi", kpi), ("$from", from.ToStored()), ("$to", to.ToStored())));
        readings.AddRange(await ReadAsync(within));
        return readings;
    }

    /// <summary>The time of the newest reading of a KPI in any slice: how fresh its data is.</summary>
    public async Task<DateTimeOffset?> LatestAsync(string kpi)
    {
        await using var command = scope.Command("SELECT MAX(at) FROM observations WHERE kpi = $kpi", ("$kpi", kpi));
        return await command.ExecuteScalarAsync() is string at ? at.ToInstant() : null;
    }

    /// <summary>Every domain, service and team that has data, for the drilldown.</summary>
    public async Task<IReadOnlyList<(string Domain, string Service, string Team)>> PathsAsync()
    {
        await using var command = scope.Command("SELECT domain, service, team FROM metric_paths ORDER BY domain, service, team");
        await using var reader = await command.ExecuteReaderAsync();
        var paths = new List<(string, string, string)>();
        while (await reader.ReadAsync()) paths.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return paths;
    }

    private async Task RememberPathAsync(Slice slice)
    {
        if (slice.Domain is null && slice.Service is null && slice.Team is null) return;
        await using var command = scope.Command("INSERT OR IGNORE INTO metric_paths (domain, service, team) VALUES ($domain, $service, $team)",
            ("$domain", slice.Domain ?? ""), ("$service", slice.Service ?? ""), ("$team", slice.Team ?? ""));
        await command.ExecuteNonQueryAsync();
    }

    private static (string, object?)[] Parameters(Slice slice, params (string, object?)[] more) =>
    [
        ("$domain", slice.Domain ?? ""), ("$service", slice.Service ?? ""), ("$team", slice.Team ?? ""),
        ("$icp", slice.Icp ?? ""), ("$size", slice.Size ?? ""), ("$region", slice.Region ?? ""), .. more,
    ];

    private static async Task<IReadOnlyList<StoredObservation>> ReadAsync(Microsoft.Data.Sqlite.SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredObservation>();
        while (await reader.ReadAsync()) rows.Add(new StoredObservation(reader.GetString(0).ToInstant(), (decimal)reader.GetDouble(1)));
        return rows;
    }
}
