namespace ExecOps.Bot.Settings;

/// <summary>Section `Storage`: where everything is kept.</summary>
public sealed class StorageSettings
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>`sqlite` (the embedded default, one bot) or `postgres` (a database several replicas share).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "data/execops.db";

    /// <summary>For `postgres`: an Npgsql connection string (Host, Port, Database, Username, Password).</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<string> Problems()
    {
        if (!IsSqlite && !IsPostgres)
            yield return $"Storage:Provider is '{Provider}'; it must be '{Sqlite}' or '{Postgres}'.";
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return "Storage:ConnectionString is empty; with Storage:Provider 'postgres' it must name the database (Host=…;Database=…;Username=…;Password=…).";
    }

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
