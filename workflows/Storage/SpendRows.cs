using System.Globalization;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Spend;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// Spend, one row per day, provider and tags. The key makes the same line sent twice one row; a different amount
/// for the same key is a restatement (a cost export is corrected for days after the fact) and replaces it. Each
/// day's totals by service, team and provider move with the lines in the same transaction, so views read them.
/// </summary>
public sealed class SpendRows(ISqlScope scope)
{
    private const string Key = "day = @day AND provider = @provider AND service = @service AND team = @team AND tenant = @tenant AND env = @env";

    private const string Columns = "day, provider, amount, currency, service, team, tenant, env, expires";

    public async Task<IntakeReceipt> StoreAsync(IReadOnlyList<SpendLine> lines)
    {
        int stored = 0, revised = 0, unchanged = 0;
        var deltas = new Dictionary<(DateOnly Day, string Dimension, string Name), decimal>();
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
            decimal? was = null;
            if (await insert.ExecuteNonQueryAsync() == 1) stored++;
            else
            {
                await using var read = scope.Command($"SELECT amount FROM spend WHERE {Key}", parameters);
                was = Convert.ToDecimal((double)(await read.ExecuteScalarAsync())!);
                await using var update = scope.Command(
                    $"UPDATE spend SET amount = @amount, currency = @currency, expires = @expires, received_at = @now WHERE {Key} AND (amount <> @amount OR COALESCE(expires, '') <> COALESCE(@expires, ''))",
                    parameters);
                if (await update.ExecuteNonQueryAsync() == 1) revised++;
                else unchanged++;
            }
            var delta = line.Amount - (was ?? 0);
            if (delta == 0) continue;
            foreach (var (dimension, name) in SpendDayTotal.Of(line))
                deltas[(line.Day, dimension, name)] = deltas.GetValueOrDefault((line.Day, dimension, name)) + delta;
        }
        foreach (var ((day, dimension, name), delta) in deltas.Where(d => d.Value != 0))
        {
            await using var total = scope.Command(
                "INSERT INTO spend_totals (day, dimension, name, amount) VALUES (@day, @dimension, @name, @delta) " +
                "ON CONFLICT (day, dimension, name) DO UPDATE SET amount = spend_totals.amount + excluded.amount",
                ("@day", Day(day)), ("@dimension", dimension), ("@name", name), ("@delta", (double)delta));
            await total.ExecuteNonQueryAsync();
        }
        return new IntakeReceipt(stored, revised, unchanged);
    }

    /// <summary>The lines of the days from <paramref name="from"/> to <paramref name="to"/>, inclusive, in key order; of one service when it is named.</summary>
    public Task<IReadOnlyList<SpendLine>> BetweenAsync(DateOnly from, DateOnly to, string? service = null) => service is null
        ? LinesAsync($"SELECT {Columns} FROM spend WHERE day >= @from AND day <= @to ORDER BY day, provider, service, team, tenant, env", ("@from", Day(from)), ("@to", Day(to)))
        : LinesAsync($"SELECT {Columns} FROM spend WHERE service = @service AND day >= @from AND day <= @to ORDER BY day, provider, service, team, tenant, env",
            ("@service", service), ("@from", Day(from)), ("@to", Day(to)));

    /// <summary>Non-prod lines billed after their `expires` date, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public Task<IReadOnlyList<SpendLine>> ExpiredAsync(DateOnly from, DateOnly to) =>
        LinesAsync($"SELECT {Columns} FROM spend WHERE day >= @from AND day <= @to AND env = 'non-prod' AND expires IS NOT NULL AND day > expires ORDER BY day, provider, service, team, tenant, env",
            ("@from", Day(from)), ("@to", Day(to)));

    /// <summary>The daily totals from <paramref name="from"/> to <paramref name="to"/>, inclusive; of one dimension when it is named.</summary>
    public async Task<IReadOnlyList<SpendDayTotal>> TotalsAsync(DateOnly from, DateOnly to, string? dimension = null)
    {
        await using var command = scope.Command(
            $"SELECT day, dimension, name, amount FROM spend_totals WHERE day >= @from AND day <= @to{(dimension is null ? "" : " AND dimension = @dimension")} ORDER BY day, dimension, name",
            ("@from", Day(from)), ("@to", Day(to)), ("@dimension", dimension ?? ""));
        await using var reader = await command.ExecuteReaderAsync();
        var totals = new List<SpendDayTotal>();
        while (await reader.ReadAsync())
            totals.Add(new SpendDayTotal(Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Amount(reader.GetDouble(3))));
        return totals;
    }

    /// <summary>Each dimension's value summed from <paramref name="from"/> to <paramref name="to"/> and over the days from <paramref name="earlier"/> before it, in one grouped read.</summary>
    public async Task<IReadOnlyList<SpendPeriodTotal>> PeriodsAsync(DateOnly earlier, DateOnly from, DateOnly to)
    {
        await using var command = scope.Command(
            "SELECT dimension, name, SUM(CASE WHEN day >= @from THEN amount ELSE 0 END), SUM(CASE WHEN day < @from THEN amount ELSE 0 END) " +
            "FROM spend_totals WHERE day >= @earlier AND day <= @to GROUP BY dimension, name ORDER BY dimension, name",
            ("@earlier", Day(earlier)), ("@from", Day(from)), ("@to", Day(to)));
        await using var reader = await command.ExecuteReaderAsync();
        var totals = new List<SpendPeriodTotal>();
        while (await reader.ReadAsync())
            totals.Add(new SpendPeriodTotal(reader.GetString(0), reader.GetString(1), Amount(reader.GetDouble(2)), Amount(reader.GetDouble(3))));
        return totals;
    }

    /// <summary>A sum of stored doubles as money: rounded where the doubles' own error lies.</summary>
    private static decimal Amount(double sum) => decimal.Round(Convert.ToDecimal(sum), 6);

    private async Task<IReadOnlyList<SpendLine>> LinesAsync(string sql, params (string, object?)[] parameters)
    {
        await using var command = scope.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<SpendLine>();
        while (await reader.ReadAsync())
            lines.Add(new SpendLine(Parse(reader.GetString(0)), reader.GetString(1), Convert.ToDecimal(reader.GetDouble(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetNullableString(8) is { } expires ? Parse(expires) : null));
        return lines;
    }

    private static DateOnly Parse(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
