using ExecOps.Bot.Hosting;
using ExecOps.Bot.Settings;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Extensions;

public static class StorageExtensions
{
    public static IServiceCollection AddExecOpsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageSettings>(configuration.GetSection("Storage"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Database(sp.GetRequiredService<IOptions<StorageSettings>>().Value.Path));
        services.AddSingleton<CommitObserver>();
        services.AddSingleton(sp => new Store(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CommitObserver>()));
        return services;
    }

    /// <summary>Brings the schema up to date before anything (the scheduler included) touches the file.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        var version = await Migrations.ApplyAsync(database);
        app.Logger.LogInformation("Database {Path} at schema version {Version}.", database.Path, version);
    }
}
