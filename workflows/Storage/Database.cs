using Microsoft.Data.Sqlite;

namespace ExecOps.Workflows.Storage;

/// <summary>The SQLite file everything is kept in. WAL lets readers run while one writer commits.</summary>
public sealed class Database
{
    public Database(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Busy waits come from the command timeout: a writer waits its turn instead of failing.
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancel = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancel);
        // FULL: an acknowledged command survives a power cut, not only a killed process.
        await connection.ExecuteAsync("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", cancel);
        return connection;
    }
}
