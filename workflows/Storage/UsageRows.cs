using System.Globalization;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Spend;

namespace ExecOps.Workflows.Storage;

/// <summary>Daily usage counts, one row per day and metric; a different count for the same key is a restatement and replaces it.</summary>
public sealed class UsageRows(ISqlScope scope)
{
    public async Task<IntakeReceipt> StoreAsync(IReadOnlyList<UsageCount> counts)
    {
        int stored = 0, revised = 0, unchanged = 0;
        foreach (var count in counts)
        {
            (string, object?)[] parameters = [("@day", Day(count.Day)), ("@metric", count.Metric), ("@value", (double)count.Value), ("@now", scope.Now.ToStored())];
            await using var insert = scope.Command("INSERT INTO usage (day, metric, value, received_at) VALUES (@day, @metric, @value, @now) ON CONFLICT DO NOTHING", parameters);
            if (await insert.ExecuteNonQueryAsync() == 1)
            {
                stored++;
                continue;
            }
            await using var update = scope.Command("UPDATE usage SET value = @value, received_at = @now WHERE day = @day AND metric = @metric AND value <> @value", parameters);
            if (await update.ExecuteNonQueryAsync() == 1) revised++;
            else unchanged++;
        }
        return new IntakeReceipt(stored, revised, unchanged);
    }

    /// <summary>The sum of <paramref name="metric"/> over the days from <paramref name="from"/> to <paramref name="to"/>, inclusive, and how many of those days have a count.</summary>
    public async Task<(decimal Total, int Days)> TotalAsync(string metric, DateOnly from, DateOnly to)
    {
        await using var command = scope.Command("SELECT COALESCE(SUM(value), 0), COUNT(*) FROM usage WHERE metric = @metric AND day >= @from AND day <= @to",
            ("@metric", metric), ("@from", Day(from)), ("@to", Day(to)));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Convert.ToDecimal(reader.GetDouble(0)), Convert.ToInt32(reader.GetInt64(1)));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
