namespace ExecOps.Workflows.Scoreboard;

/// <summary>Section `Scoreboard`: segments, intake limits, freshness alerts and the weekly variance review.</summary>
public sealed class ScoreboardSettings
{
    // Empty until bound: the binder appends configured items to an initializer's, so a default written there could never be replaced.
    public string[] Regions { get; set; } = [];

    /// <summary>The regions configured, or na, emea, apac and latam.</summary>
    public IReadOnlyList<string> RegionNames => Regions is [] ? ["na", "emea", "apac", "latam"] : Regions;

    /// <summary>Rows per batch, for the JSON and the CSV intake alike.</summary>
    public int MaxBatch { get; set; } = 5000;

    /// <summary>How far past the bot's clock a pipeline's timestamp may be before it counts as "in the future".</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where data-freshness alerts go (seed §2: #ops-sev2).</summary>
    public string OpsChannel { get; set; } = "ops-sev2";

    /// <summary>How often the freshness of every KPI is checked.</summary>
    public TimeSpan FreshnessCheck { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When the weekly variance review opens for the week just ended: a Quartz cron expression in <see cref="TimeZone"/>.</summary>
    public string WeeklyReview { get; set; } = "0 0 9 ? * MON";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>How long an owner has to answer a commentary prompt before a reminder.</summary>
    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long after the reminder the backup owner is asked instead.</summary>
    public TimeSpan BackupAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The weekly review's schedule in its time zone; null while either setting is unusable.</summary>
    public Quartz.CronExpression? Schedule() => Reminders.RhythmSchedule.TryParse(WeeklyReview, TimeZone);

    public IEnumerable<string> Problems()
    {
        if (MaxBatch < 1) yield return "Scoreboard:MaxBatch must be at least 1.";
        if (string.IsNullOrWhiteSpace(OpsChannel)) yield return "Scoreboard:OpsChannel must name a channel, e.g. ops-sev2.";
        if (FreshnessCheck < TimeSpan.FromMinutes(1)) yield return "Scoreboard:FreshnessCheck must be at least a minute.";
        if (Schedule() is null) yield return $"Scoreboard:WeeklyReview \"{WeeklyReview}\" in Scoreboard:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 9 ? * MON\" and UTC.";
        if (RemindAfter <= TimeSpan.Zero || BackupAfter <= TimeSpan.Zero) yield return "Scoreboard:RemindAfter and BackupAfter must be positive.";
        if (RegionNames.Any(string.IsNullOrWhiteSpace)) yield return "Scoreboard:Regions must list at least one region name.";
    }
}
