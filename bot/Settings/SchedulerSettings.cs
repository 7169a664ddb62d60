namespace ExecOps.Bot.Settings;

/// <summary>Section `Scheduler`: Quartz tuning.</summary>
public sealed class SchedulerSettings
{
    /// <summary>Quartz keeps schedulers in a process-wide registry by name; two hosts in one process need two names.</summary>
    public string Name { get; set; } = "execops";

    /// <summary>How long Quartz sleeps when nothing is due; new reminders wake it early anyway.</summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A reminder later than this (say, because the bot was down) counts as misfired; it still fires at once.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);
}
