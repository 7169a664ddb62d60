namespace ExecOps.Workflows.Ownership;

/// <summary>Section `Ownership`.</summary>
public sealed class OwnershipSettings
{
    /// <summary>The ownership map file, relative to the bot's folder.</summary>
    public string MapPath { get; set; } = "ownership-map.json";

    /// <summary>When the quarterly ownership audit opens (seed §12: quarterly), a Quartz cron: 09:00 on the first Monday of each quarter.</summary>
    public string AuditSchedule { get; set; } = "0 0 9 ? 1,4,7,10 MON#1";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>Where the audit's zombies and orphans are posted, and its close announced.</summary>
    public string Channel { get; set; } = "exec";

    /// <summary>An entry with no change, incident, spend or recorded activity for this long is a zombie.</summary>
    public int ZombieDays { get; set; } = 90;

    /// <summary>How long an owner has to confirm before a reminder, and then before their team's lead is asked.</summary>
    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan BackupAfter { get; set; } = TimeSpan.FromDays(4);

    public Quartz.CronExpression? AuditCron() => Reminders.RhythmSchedule.TryParse(AuditSchedule, TimeZone);

    public IEnumerable<string> Problems()
    {
        if (AuditCron() is null) yield return $"Ownership:AuditSchedule \"{AuditSchedule}\" in Ownership:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 9 ? 1,4,7,10 MON#1\" and UTC.";
        if (ZombieDays is < 7 or > 3660) yield return "Ownership:ZombieDays must be from 7 to 3660.";
        if (RemindAfter <= TimeSpan.Zero || BackupAfter <= TimeSpan.Zero) yield return "Ownership:RemindAfter and BackupAfter must be above zero.";
        if (string.IsNullOrWhiteSpace(Channel)) yield return "Ownership:Channel must name the channel the audit posts to.";
    }
}
