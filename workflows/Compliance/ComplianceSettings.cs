namespace ExecOps.Workflows.Compliance;

/// <summary>Section `Compliance`: the catalog, where red controls are posted, the grace period, exception limits and the rhythm.</summary>
public sealed class ComplianceSettings
{
    public string CatalogPath { get; set; } = "control-catalog.json";

    /// <summary>Where the weekly list of red controls goes.</summary>
    public string Channel { get; set; } = "security";

    /// <summary>How long a control stays yellow (its owner told) before it turns red and escalates to its backup and the CISO.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How far ahead an exception may run.</summary>
    public TimeSpan MaxException { get; set; } = TimeSpan.FromDays(180);

    // Empty until bound: the binder appends configured items to an initializer's, so a default written there could never be replaced.
    public int[] ExceptionReminderDays { get; set; } = [];

    /// <summary>Days before an exception expires when its owner and requester are reminded: as configured, or 14, 7 and 1.</summary>
    public IReadOnlyList<int> ReminderDays => ExceptionReminderDays is [] ? [14, 7, 1] : ExceptionReminderDays;

    /// <summary>Who approves an exception when the control owner has no manager in the directory, or the manager asked for it.</summary>
    public string ExceptionApprover { get; set; } = "ceo";

    /// <summary>How often evidence is collected from the bot's records and every control assessed: a Quartz cron expression in <see cref="TimeZone"/>.</summary>
    public string Sweep { get; set; } = "0 0 * * * ?";

    /// <summary>When the red controls are posted to <see cref="Channel"/>.</summary>
    public string WeeklyReport { get; set; } = "0 30 9 ? * MON";

    /// <summary>When each quarter's internal audit dry run asks every control's owner: 09:00 on the first day of each quarter.</summary>
    public string DryRun { get; set; } = "0 0 9 1 1,4,7,10 ?";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>The risk raised for a vendor holding personal or sensitive data without a DPA: its probability and dollar impact, for the matrix.</summary>
    public decimal VendorRiskProbability { get; set; } = 0.3m;

    public decimal VendorRiskImpactUsd { get; set; } = 250_000m;

    public Quartz.CronExpression? SweepSchedule() => Reminders.RhythmSchedule.TryParse(Sweep, TimeZone);

    public Quartz.CronExpression? WeeklySchedule() => Reminders.RhythmSchedule.TryParse(WeeklyReport, TimeZone);

    public Quartz.CronExpression? DryRunSchedule() => Reminders.RhythmSchedule.TryParse(DryRun, TimeZone);

    public IEnumerable<string> Problems()
    {
        if (Grace <= TimeSpan.Zero) yield return "Compliance:Grace must be positive.";
        if (MaxException <= TimeSpan.Zero) yield return "Compliance:MaxException must be positive.";
        if (ReminderDays.Any(d => d < 1)) yield return "Compliance:ExceptionReminderDays must be whole days of at least 1.";
        if (VendorRiskProbability is <= 0 or > 1) yield return "Compliance:VendorRiskProbability must be above 0 and at most 1.";
        if (VendorRiskImpactUsd is <= 0 or > Bounds.MaxMoney) yield return "Compliance:VendorRiskImpactUsd must be a positive dollar amount.";
        if (string.IsNullOrWhiteSpace(Channel)) yield return "Compliance:Channel must name the channel red controls are posted to.";
        if (SweepSchedule() is null) yield return $"Compliance:Sweep \"{Sweep}\" in Compliance:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 * * * ?\" and UTC.";
        if (DryRunSchedule() is null) yield return $"Compliance:DryRun \"{DryRun}\" in Compliance:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 9 1 1,4,7,10 ?\" and UTC.";
        if (WeeklySchedule() is null) yield return $"Compliance:WeeklyReport \"{WeeklyReport}\" in Compliance:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 30 9 ? * MON\" and UTC.";
    }
}
