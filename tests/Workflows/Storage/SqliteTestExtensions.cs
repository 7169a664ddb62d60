using Microsoft.Data.Sqlite;

namespace ExecOps.Tests.Workflows.Storage;

internal static class SqliteTestExtensions
{
    public static async Task<object?> ExecuteScalarAsync(this SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
