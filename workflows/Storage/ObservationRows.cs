using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// KPI observations, one row per KPI, slice and time. The key makes the same observation sent
/// twice one row; a different value for the same key is a restatement and replaces it.
/// "All" in a dimension is stored as '' so that the key covers it.
/// </summary>
public sealed class ObservationRows(ISqlScope scope)
{
    private const string SliceWhere = "domain = @domain AND service = @service AND team = @team AND icp = @icp AND size = @size AND region = @region";

    public async Task<IntakeReceipt> StoreAsync(IReadOnlyList<Observation> rows)
    {
        int stored = 0, revised = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var parameters = Parameters(row.Slice, ("@kpi", row.Kpi), ("@at", row.At.ToStored()), ("@value", (double)row.Value), ("@now", scope.Now.ToStored()));
            await using var insert = scope.Command(
                "INSERT INTO observations (domain, service, team, icp, size, region, kpi, at, value, received_at) VALUES (@domain, @service, @team, @icp, @size, @region, @kpi, @at, @value, @now) ON CONFLICT DO NOTHING",
                parameters);
            if (await insert.ExecuteNonQueryAsync() == 1)
            {
                stored++;
                await RememberPathAsync(row.Slice);
                continue;
            }
            await using var update = scope.Command(
                $"UPDATE observations SET value = @value, received_at = @now WHERE {SliceWhere} AND kpi = @kpi AND at = @at AND value <> @value", parameters);
            if (await update.ExecuteNonQueryAsync() == 1) revised++;
            else unchanged++;
        }
        return new IntakeReceipt(stored, revised, unchanged);
    }

    /// <summary>
    /// Each KPI's value for one slice as of each instant in <paramref name="ends"/> (the latest
    /// reading before it), in one statement: one index seek per KPI and instant, however dense the data.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, decimal?[]>> AsOfAsync(IReadOnlyList<string> kpis, Slice slice, IReadOnlyList<DateTimeOffset> ends)
    {
        var values = kpis.ToDictionary(k => k, _ => new decimal?[ends.Count]);
        if (kpis.Count == 0 || ends.Count == 0) return values;
        var endRows = string.Join(", ", ends.Select((_, i) => $"({i}, @e{i})"));
        await using var command = scope.Command(
            $"WITH {Wanted(kpis)}, ends(i, end_at) AS (VALUES {endRows}) " +
            $"SELECT wanted.kpi, ends.i, (SELECT value FROM observations WHERE {SliceWhere} AND kpi = wanted.kpi AND at < ends.end_at ORDER BY at DESC LIMIT 1) FROM wanted, ends",
            Parameters(slice, [.. KpiParameters(kpis), .. ends.Select((e, i) => ($"@e{i}", (object?)e.ToStored()))]));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (!reader.IsDBNull(2)) values[reader.GetString(0)][reader.GetInt32(1)] = (decimal)reader.GetDouble(2);
        return values;
    }

    /// <summary>The time of each KPI's newest reading in any slice (how fresh its data is), in one statement of index lookups.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset?>> LatestAsync(IReadOnlyList<string> kpis)
    {
        var latest = kpis.ToDictionary(k => k, _ => (DateTimeOffset?)null);
        if (kpis.Count == 0) return latest;
        await using var command = scope.Command(
            $"WITH {Wanted(kpis)} SELECT kpi, (SELECT MAX(at) FROM observations WHERE observations.kpi = wanted.kpi) FROM wanted", [.. KpiParameters(kpis)]);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (!reader.IsDBNull(1)) latest[reader.GetString(0)] = reader.GetString(1).ToInstant();
        return latest;
    }

    private static string Wanted(IReadOnlyList<string> kpis) => $"wanted(kpi) AS (VALUES {string.Join(", ", kpis.Select((_, i) => $"(@k{i})"))})";

    private static IEnumerable<(string, object?)> KpiParameters(IReadOnlyList<string> kpis) => kpis.Select((k, i) => ($"@k{i}", (object?)k));

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
        await using var command = scope.Command("INSERT INTO metric_paths (domain, service, team) VALUES (@domain, @service, @team) ON CONFLICT DO NOTHING",
            ("@domain", slice.Domain ?? ""), ("@service", slice.Service ?? ""), ("@team", slice.Team ?? ""));
        await command.ExecuteNonQueryAsync();
    }

    private static (string, object?)[] Parameters(Slice slice, params (string, object?)[] more) =>
    [
        ("@domain", slice.Domain ?? ""), ("@service", slice.Service ?? ""), ("@team", slice.Team ?? ""),
        ("@icp", slice.Icp ?? ""), ("@size", slice.Size ?? ""), ("@region", slice.Region ?? ""), .. more,
    ];

}
