namespace ExecOps.Workflows.Tasks;

/// <summary>Section `Tasks`.</summary>
public sealed class TaskSettings
{
    /// <summary>When last month's trust ledger is posted (seed §12: monthly), a Quartz cron in <see cref="TimeZone"/>: 09:00 on the 1st.</summary>
    public string TrustLedger { get; set; } = "0 0 9 1 * ?";
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Where the trust ledger is posted.</summary>
    public string LedgerChannel { get; set; } = "exec";

    public Quartz.CronExpression? LedgerSchedule() => Reminders.RhythmSchedule.TryParse(TrustLedger, TimeZone);

    public IEnumerable<string> Problems()
    {
        if (LedgerSchedule() is null) yield return $"Tasks:TrustLedger \"{TrustLedger}\" in Tasks:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 9 1 * ?\" and UTC.";
        if (string.IsNullOrWhiteSpace(LedgerChannel)) yield return "Tasks:LedgerChannel must name a channel.";
    }
}
