using ExecOps.Bot.Hosting;
using ExecOps.Bot.Settings;
using ExecOps.Workflows.Storage;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ExecOps.Bot.Extensions;

public static class StorageExtensions
{
    public static IServiceCollection AddExecOpsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.Checked<StorageSettings>("Storage", s => s.Problems());
        services.Configure<StorageSettings>(configuration.GetSection("Storage"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Replica.From(configuration));
        services.AddSingleton<Database>(_ => storage.IsPostgres ? new PostgresDatabase(storage.ConnectionString!) : new SqliteDatabase(storage.Path));
        services.AddSingleton<CommitObserver>();
        services.AddSingleton(sp => new Store(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CommitObserver>()));
        return services;
    }

    /// <summary>Brings the schema up to date before anything (the scheduler included) touches the database.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        var version = await Migrations.ApplyAsync(database);
        app.Logger.LogInformation("Database {Name} at schema version {Version}.", database.Name, version);
        if (HttpExtensions.KeysInDatabase(app.Configuration))
            await DatabaseKeyRing.EnsureKeyAsync(database, app.Services.GetRequiredService<IKeyManager>(), app.Services.GetRequiredService<TimeProvider>());
    }
}
