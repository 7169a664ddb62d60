using ExecOps.Workflows.Storage;

namespace ExecOps.Tests.Support;

/// <summary>
/// A real database for one test: a SQLite file in a fresh temporary folder, or a fresh database on the
/// run's throwaway PostgreSQL cluster (<see cref="PostgresServer"/>). Which one, unless the test says, is
/// the environment's `Storage__Provider` (SQLite when unset), so the suite can be run against PostgreSQL
/// as a whole; `Storage__ConnectionString` may name a server of one's own to create the databases on.
/// The folder is there either way, for what lives beside the database (the key ring).
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly List<Database> opened = [];

    public TempDatabase(string? provider = null)
    {
        Provider = provider ?? Environment.GetEnvironmentVariable("Storage__Provider") ?? Sqlite;
        Folder = Directory.CreateTempSubdirectory("execops-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "execops.db");
        if (IsPostgres) ConnectionString = PostgresServer.NewDatabaseAsync().GetAwaiter().GetResult();
    }

    public string Provider { get; }
    public bool IsPostgres => Provider == Postgres;
    public string Folder { get; }

    /// <summary>The SQLite file; with PostgreSQL, only the place the folder is known by.</summary>
    public string Path { get; }

    public string? ConnectionString { get; }

    /// <summary>The bot's settings for this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => IsPostgres
        ? new Dictionary<string, string> { ["Storage:Provider"] = Postgres, ["Storage:ConnectionString"] = ConnectionString!, ["Storage:Path"] = Path }
        : new Dictionary<string, string> { ["Storage:Path"] = Path };

    public Database Open()
    {
        Database database = IsPostgres ? new PostgresDatabase(ConnectionString!) : new SqliteDatabase(Path);
        lock (opened) opened.Add(database);
        return database;
    }

    public async Task<Database> MigratedAsync()
    {
        var database = Open();
        await Migrations.ApplyAsync(database);
        return database;
    }

    public void Dispose()
    {
        foreach (var database in opened.OfType<IAsyncDisposable>()) database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (IsPostgres) PostgresServer.DropDatabaseAsync(ConnectionString!).GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
