using ExecOps.Workflows.Storage;

namespace ExecOps.Tests.Support;

/// <summary>A real SQLite file in a fresh temporary folder, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("execops-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "execops.db");
    }

    public string Folder { get; }
    public string Path { get; }

    public async Task<Database> MigratedAsync()
    {
        var database = new Database(Path);
        await Migrations.ApplyAsync(database);
        return database;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
