using System.Globalization;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Spend;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// Spend, one row per day, provider and tags. The key makes the same line sent twice one row; a different amount
/// for the same key is a restatement (a cost export is corrected for days after the fact) and replaces it.
/// </summary>
public sealed class SpendRows(ISqlScope scope)
{
    private const string Key = "day = @day AND provider = @provider AND service = @service AND team = @team AND tenant = @tenant AND env = @env";

    public async Task<IntakeReceipt> StoreAsync(IReadOnlyList<SpendLine> lines)
    {
        int stored = 0, revised = 0, unchanged = 0;
        foreach (var line in lines)
        {
            (string, object?)[] parameters =
            [
                ("@day", Day(line.Day)), ("@provider", line.Provider), ("@service", line.Service), ("@team", line.Team), ("@tenant", line.Tenant), ("@env", line.Env),
                ("@amount", (double)line.Amount), ("@currency", line.Currency), ("@expires", line.Expires is { } e ? Day(e) : null), ("@now", scope.Now.ToStored()),
            ];
            await using var insert = scope.Command(
                "INSERT INTO spend (day, provider, service, team, tenant, env, amount, currency, expires, received_at) " +
                "VALUES (@day, @provider, @service, @team, @tenant, @env, @amount, @currency, @expires, @now) ON CONFLICT DO NOTHING", parameters);
            if (await insert.ExecuteNonQueryAsync() == 1)
            {
                stored++;
                continue;
            }
            await using var update = scope.Command(
                $"UPDATE spend SET amount = @amount, currency = @currency, expires = @expires, received_at = @now WHERE {Key} AND (amount <> @amount OR COALESCE(expires, '') <> COALESCE(@expires, ''))",
                parameters);
            if (await update.ExecuteNonQueryAsync() == 1) revised++;
            else unchanged++;
        }
        return new IntakeReceipt(stored, revised, unchanged);
    }

    /// <summary>The lines of the days from <paramref name="from"/> to <paramref name="to"/>, inclusive, in key order.</summary>
    public async Task<IReadOnlyList<SpendLine>> BetweenAsync(DateOnly from, DateOnly to)
    {
        await using var command = scope.Command(
            "SELECT day, provider, amount, currency, service, team, tenant, env, expires FROM spend WHERE day >= @from AND day <= @to ORDER BY day, provider, service, team, tenant, env",
            ("@from", Day(from)), ("@to", Day(to)));
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<SpendLine>();
        while (await reader.ReadAsync())
            lines.Add(new SpendLine(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(1),
                Convert.ToDecimal(reader.GetDouble(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetNullableString(8) is { } expires ? DateOnly.ParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null));
        return lines;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
