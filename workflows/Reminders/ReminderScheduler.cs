using Microsoft.Extensions.Logging;
using Quartz;

namespace ExecOps.Workflows.Reminders;

/// <summary>
/// Arms reminders in Quartz, which keeps their time: one trigger per reminder, named by its key so
/// that arming twice replaces rather than duplicates. The reminders table is what persists; a
/// reminder already overdue when armed (the bot was down) fires at once.
/// </summary>
public sealed class ReminderScheduler(ISchedulerFactory schedulers, ILogger<ReminderScheduler> logger)
{
    public const string Group = "reminders";
    public static readonly JobKey Job = new("fire", Group);

    public async Task ArmAsync(Reminder reminder, CancellationToken cancel = default)
    {
        var scheduler = await schedulers.GetScheduler(cancel);
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(reminder.Key, Group)
            .ForJob(Job)
            .UsingJobData(ReminderJob.KeyData, reminder.Key)
            .StartAt(reminder.DueAt)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancel);
        logger.LogDebug("Armed reminder {Key} for {DueAt:o}.", reminder.Key, reminder.DueAt);
    }

    public async Task DisarmAsync(string key, CancellationToken cancel = default)
    {
        var scheduler = await schedulers.GetScheduler(cancel);
        await scheduler.UnscheduleJob(new TriggerKey(key, Group), cancel);
    }

    /// <summary>True when Quartz holds a trigger for this reminder at its current due time.</summary>
    public async Task<bool> IsArmedAsync(Reminder reminder, CancellationToken cancel = default)
    {
        var scheduler = await schedulers.GetScheduler(cancel);
        var trigger = await scheduler.GetTrigger(new TriggerKey(reminder.Key, Group), cancel);
        return trigger is not null && trigger.StartTimeUtc == reminder.DueAt;
    }

    public static IJobDetail JobDetail() =>
        JobBuilder.Create<ReminderJob>().WithIdentity(Job).StoreDurably().Build();
}
