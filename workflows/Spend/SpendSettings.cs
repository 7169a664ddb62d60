namespace ExecOps.Workflows.Spend;

/// <summary>Section `Spend`: the currency spend is reported in, and how large a batch may be.</summary>
public sealed class SpendSettings
{
    /// <summary>Spend in any other currency is refused, so no total ever adds two currencies.</summary>
    public string Currency { get; set; } = "USD";

    public int MaxBatch { get; set; } = 50_000;

    /// <summary>Who is told of spend nobody else owns: an anomaly on a service with no owner in Changes:Services.</summary>
    public string FinOpsLead { get; set; } = "ceo";

    /// <summary>When yesterday's spend is checked for anomalies: a Quartz cron expression in <see cref="TimeZone"/> (after the night's cost exports land).</summary>
    public string AnomalyCheck { get; set; } = "0 0 7 * * ?";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>The rule of <see cref="SpendAnomalyRule"/>: the days of history, robust deviations over the median, the smallest jump that counts, the fewest days of history.</summary>
    public int AnomalyWindowDays { get; set; } = 28;

    public decimal AnomalyThreshold { get; set; } = 4m;

    public decimal AnomalyMinDelta { get; set; } = 100m;

    public int AnomalyMinHistoryDays { get; set; } = 14;

    public Quartz.CronExpression? AnomalySchedule() => Reminders.RhythmSchedule.TryParse(AnomalyCheck, TimeZone);

    public IEnumerable<string> Problems()
    {
        if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper)) yield return $"Spend:Currency \"{Currency}\" must be an ISO 4217 code in capitals, e.g. USD.";
        if (MaxBatch < 1) yield return "Spend:MaxBatch must be at least 1.";
        if (AnomalySchedule() is null) yield return $"Spend:AnomalyCheck \"{AnomalyCheck}\" in Spend:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 7 * * ?\" and UTC.";
        if (AnomalyWindowDays < 7) yield return "Spend:AnomalyWindowDays must be at least 7.";
        if (AnomalyMinHistoryDays < 1 || AnomalyMinHistoryDays > AnomalyWindowDays) yield return "Spend:AnomalyMinHistoryDays must be from 1 to Spend:AnomalyWindowDays.";
        if (AnomalyThreshold <= 0) yield return "Spend:AnomalyThreshold must be positive.";
        if (AnomalyMinDelta < 0) yield return "Spend:AnomalyMinDelta must not be negative.";
    }
}
