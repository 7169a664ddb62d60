namespace ExecOps.Workflows.Storage;

/// <summary>One numbered step of the schema. A step never changes once released; a new need is a new step.</summary>
public sealed record MigrationStep(int Version, string Name, string Sql);

/// <summary>
/// The schema, one numbered step at a time, in each provider's SQL (<see cref="SqliteSchema"/>,
/// <see cref="PostgresSchema"/>): the same steps under the same numbers, applied at start-up.
/// </summary>
public static class Migrations
{
    public static int Latest => SqliteSchema.Steps[^1].Version;

    public static Task<int> ApplyAsync(Database database, CancellationToken cancel = default) => database.MigrateAsync(cancel);

    internal static void RefuseNewer(Database database, int current)
    {
        if (current > database.Steps[^1].Version)
            throw new InvalidOperationException(
                $"The database {database.Name} is at schema version {current}, newer than this build knows ({database.Steps[^1].Version}). Run a newer build or point Storage elsewhere.");
    }
}
