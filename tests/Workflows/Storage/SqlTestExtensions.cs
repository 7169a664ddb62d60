using System.Data.Common;

namespace ExecOps.Tests.Workflows.Storage;

internal static class SqlTestExtensions
{
    public static async Task<object?> ExecuteScalarAsync(this DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
