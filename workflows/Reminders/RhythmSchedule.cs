namespace ExecOps.Workflows.Reminders;

/// <summary>A rhythm's schedule as configured: a Quartz cron expression read in a named time zone.</summary>
public static class RhythmSchedule
{
    /// <summary>The reminder for the schedule's next occurrence after <paramref name="after"/>.</summary>
    public static Reminder Next(this Quartz.CronExpression schedule, string key, string kind, string subject, DateTimeOffset after) =>
        new(key, kind, subject, schedule.GetNextValidTimeAfter(after)!.Value);

    /// <summary>Null while the expression or the zone is unusable, so settings can name the fault.</summary>
    public static Quartz.CronExpression? TryParse(string cron, string timeZone)
    {
        try
        {
            return new Quartz.CronExpression(cron, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        }
        catch (Exception e) when (e is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
