using ExecOps.Bot.Hosting;
using ExecOps.Bot.Settings;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using Quartz;

namespace ExecOps.Bot.Extensions;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz with its persistent store in the bot's own SQLite file, so armed reminders survive a
    /// restart; the clock is the container's <see cref="TimeProvider"/>, so tests can move it.
    /// </summary>
    public static IServiceCollection AddExecOpsScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Scheduler").Get<SchedulerSettings>() ?? new SchedulerSettings();
        var storage = configuration.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => { s.InstanceName = settings.Name; s.IdleWaitTime = settings.IdleWait; });
            quartz.AddJob<ReminderJob>(job => job.WithIdentity(ReminderScheduler.Job).StoreDurably());
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(new Database(storage.Path).ConnectionString);
                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
                store.ConfigureStore(options => options.MisfireThreshold = settings.MisfireThreshold);
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService<ReminderRecovery>();
        return services;
    }
}
