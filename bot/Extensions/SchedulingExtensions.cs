using ExecOps.Bot.Hosting;
using ExecOps.Bot.Settings;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using Quartz;

namespace ExecOps.Bot.Extensions;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz keeps the time; the persistent job store is the reminders table, written in the same
    /// transaction as the change that set each reminder, and armed from at start-up by
    /// <see cref="ReminderRecovery"/>. A second copy in Quartz's own tables would be committed in a
    /// different transaction and would compete with the commit group for SQLite's one writer.
    /// The clock is the container's <see cref="TimeProvider"/>, so tests can move it.
    /// </summary>
    public static IServiceCollection AddExecOpsScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Scheduler").Get<SchedulerSettings>() ?? new SchedulerSettings();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => { s.InstanceName = settings.Name; s.IdleWaitTime = settings.IdleWait; });
            quartz.AddJob<ReminderJob>(job => job.WithIdentity(ReminderScheduler.Job).StoreDurably());
            quartz.UseInMemoryStore(store => store.MisfireThreshold = settings.MisfireThreshold);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService<ReminderRecovery>();
        return services;
    }
}
