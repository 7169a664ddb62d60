namespace ExecOps.Workflows.Spend;

/// <summary>Section `Spend`: the currency spend is reported in, and how large a batch may be.</summary>
public sealed class SpendSettings
{
    /// <summary>Spend in any other currency is refused, so no total ever adds two currencies.</summary>
    public string Currency { get; set; } = "USD";

    public int MaxBatch { get; set; } = 50_000;

    /// <summary>Who is told of spend nobody else owns: an anomaly on a service with no owner in Changes:Services.</summary>
    public string FinOpsLead { get; set; } = "dana";

    /// <summary>When yesterday's spend is checked for anomalies: a Quartz cron expression in <see cref="TimeZone"/> (after the night's cost exports land).</summary>
    public string AnomalyCheck { get; set; } = "0 0 7 * * ?";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>The rule of <see cref="SpendAnomalyRule"/>: the days of history, robust deviations over the median, the smallest jump that counts, the fewest days of history.</summary>
    public int AnomalyWindowDays { get; set; } = 28;

    public decimal AnomalyThreshold { get; set; } = 4m;

    public decimal AnomalyMinDelta { get; set; } = 100m;

    public int AnomalyMinHistoryDays { get; set; } = 14;

    /// <summary>Where budget alerts go, beside the budget's owner.</summary>
    public string Channel { get; set; } = "finops";

    public List<Budget> Budgets { get; set; } = [];

    /// <summary>When the weekly movers report runs for the week before: a Quartz cron expression in <see cref="TimeZone"/>.</summary>
    /// <remarks>Before the scoreboard's weekly review (09:00), so the unit costs it posts are in that review.</remarks>
    public string WeeklyReport { get; set; } = "0 0 8 ? * MON";

    /// <summary>How many services, and how many teams, the weekly report lists.</summary>
    public int TopMovers { get; set; } = 5;

    /// <summary>A mover must be explained when it moved by at least this much and by this share of the week before (spend new this week needs only the amount).</summary>
    public decimal MoverMinDelta { get; set; } = 1000m;

    public decimal MoverMinPercent { get; set; } = 20m;

    /// <summary>How long a mover's owner has before a reminder, and after it before the backup is asked.</summary>
    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan BackupAfter { get; set; } = TimeSpan.FromDays(1);

    // Empty until bound: the binder appends configured items to an initializer's, so a default written there could never be replaced.
    public string[] InfraProviders { get; set; } = [];

    public string[] TelemetryProviders { get; set; } = [];

    /// <summary>The providers whose spend is infrastructure (Cloud Unit Cost's numerator): as configured, or the three big clouds.</summary>
    public IReadOnlyList<string> Infra => InfraProviders is [] ? ["aws", "gcp", "azure"] : [.. InfraProviders.Select(p => p.ToLowerInvariant())];

    /// <summary>The providers whose spend is logs, metrics and traces (Telemetry Efficiency's numerator).</summary>
    public IReadOnlyList<string> Telemetry => TelemetryProviders is [] ? ["datadog", "grafana-cloud", "new-relic", "splunk", "honeycomb"] : [.. TelemetryProviders.Select(p => p.ToLowerInvariant())];

    /// <summary>The usage metric counting requests served, posted daily to `/api/spend/usage` (Telemetry Efficiency's denominator).</summary>
    public string RequestsMetric { get; set; } = "requests";

    /// <summary>Who decides the savings dividend, reinvest or runway, asked in the monthly board packet.</summary>
    public string DividendDecidedBy { get; set; } = "ceo";

    public Quartz.CronExpression? AnomalySchedule() => Reminders.RhythmSchedule.TryParse(AnomalyCheck, TimeZone);

    public Quartz.CronExpression? WeeklySchedule() => Reminders.RhythmSchedule.TryParse(WeeklyReport, TimeZone);

    public IEnumerable<string> Problems()
    {
        if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper)) yield return $"Spend:Currency \"{Currency}\" must be an ISO 4217 code in capitals, e.g. USD.";
        if (MaxBatch < 1) yield return "Spend:MaxBatch must be at least 1.";
        if (AnomalySchedule() is null) yield return $"Spend:AnomalyCheck \"{AnomalyCheck}\" in Spend:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 7 * * ?\" and UTC.";
        if (WeeklySchedule() is null) yield return $"Spend:WeeklyReport \"{WeeklyReport}\" in Spend:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 8 ? * MON\" and UTC.";
        if (Infra.Intersect(Telemetry).FirstOrDefault() is { } both) yield return $"Spend: provider {both} is in both InfraProviders and TelemetryProviders; its spend belongs to one unit cost.";
        if (TopMovers is < 1 or > 20) yield return "Spend:TopMovers must be from 1 to 20.";
        if (MoverMinDelta < 0 || MoverMinPercent < 0) yield return "Spend:MoverMinDelta and Spend:MoverMinPercent must not be negative.";
        if (RemindAfter <= TimeSpan.Zero || BackupAfter <= TimeSpan.Zero) yield return "Spend:RemindAfter and Spend:BackupAfter must be positive.";
        if (AnomalyWindowDays < 7) yield return "Spend:AnomalyWindowDays must be at least 7.";
        if (AnomalyMinHistoryDays < 1 || AnomalyMinHistoryDays > AnomalyWindowDays) yield return "Spend:AnomalyMinHistoryDays must be from 1 to Spend:AnomalyWindowDays.";
        if (AnomalyThreshold <= 0) yield return "Spend:AnomalyThreshold must be positive.";
        if (AnomalyMinDelta < 0) yield return "Spend:AnomalyMinDelta must not be negative.";
        for (var i = 0; i < Budgets.Count; i++)
        {
            var b = Budgets[i];
            if (string.IsNullOrWhiteSpace(b.Name)) yield return $"Spend:Budgets:{i}:Name is required.";
            if ((b.Service is null) == (b.Team is null)) yield return $"Spend:Budgets:{i} ({b.Name}) needs a Service or a Team to count spend against, one of them.";
            if (b.Monthly <= 0 || b.Monthly > Bounds.MaxMoney) yield return $"Spend:Budgets:{i} ({b.Name}): Monthly must be a positive amount.";
            if (b.Thresholds.Any(t => t is < 1 or > 1000)) yield return $"Spend:Budgets:{i} ({b.Name}): AlertAt must be percentages from 1 to 1000.";
        }
        if (Budgets.GroupBy(b => b.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice) yield return $"Spend:Budgets names \"{twice.Key}\" twice.";
    }
}
