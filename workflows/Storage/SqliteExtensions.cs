using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExecOps.Workflows.Storage;

internal static class SqliteExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancel = default)
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

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
