using System.Data.Common;
using System.Globalization;

namespace ExecOps.Workflows.Storage;

internal static class SqlExtensions
{
    /// <remarks>Parameters are named <c>@name</c>, which both SQLite and Npgsql read.</remarks>
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, CancellationToken cancel = default)
    {
        await using var command = connection.Command(sql, null);
        return await command.ExecuteNonQueryAsync(cancel);
    }

    private const string StoredFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static string ToStored(this DateTimeOffset at) => at.UtcDateTime.ToString(StoredFormat, CultureInfo.InvariantCulture);

    /// <summary>Every instant is written by <see cref="ToStored"/>, so its exact format is tried first: the general parser is several times slower.</summary>
    public static DateTimeOffset ToInstant(this string stored) =>
        DateTimeOffset.TryParseExact(stored, StoredFormat, CultureInfo.InvariantCulture, Utc, out var at) ? at : DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, Utc);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A count or sum: an integer of whatever width the provider answers with.</summary>
    public static int GetCount(this DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
