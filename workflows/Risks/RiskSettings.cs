namespace ExecOps.Workflows.Risks;

/// <summary>Section `Risks`: the matrix, who owns what nobody owns, acceptance limits and the escalation ladder.</summary>
public sealed class RiskSettings
{
    public RiskMatrix Matrix { get; set; } = new();

    /// <summary>Who owns a risk added with an unknown or missing owner, and the top of the escalation ladder (seed §4: the CEO).</summary>
    public string DefaultOwner { get; set; } = "ceo";

    /// <summary>Where escalations that reach the top and the weekly review go.</summary>
    public string ExecChannel { get; set; } = "exec";

    /// <summary>How far ahead an acceptance may run.</summary>
    public TimeSpan MaxAcceptance { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Days before an acceptance expires when its owner and sponsor are reminded.</summary>
    // Empty until bound: the binder appends configured items to an initializer's, so a default written there could never be replaced.
    public int[] ExpiryReminderDays { get; set; } = [];

    /// <summary>The days configured, or 14, 7 and 1.</summary>
    public IReadOnlyList<int> ReminderDays => ExpiryReminderDays is [] ? [14, 7, 1] : ExpiryReminderDays;

    /// <summary>How long an escalation may wait for an answer before it goes up the ladder.</summary>
    public TimeSpan EscalationTimeout { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Seed §4: a red risk needs a shipped mitigation at least this often.</summary>
    public TimeSpan RedRiskShipWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>People who may answer for a sponsor: sponsor id → delegate ids.</summary>
    public Dictionary<string, List<string>> Delegates { get; set; } = [];

    /// <summary>When the weekly risk review's agenda is posted to <see cref="ExecChannel"/>: a Quartz cron expression in <see cref="TimeZone"/>.</summary>
    public string WeeklyReview { get; set; } = "0 0 10 ? * MON";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>The weekly review's schedule; null while either setting is unusable.</summary>
    public Quartz.CronExpression? Schedule() => Reminders.RhythmSchedule.TryParse(WeeklyReview, TimeZone);

    public IEnumerable<string> Problems()
    {
        foreach (var problem in Matrix.Problems()) yield return problem;
        if (MaxAcceptance <= TimeSpan.Zero) yield return "Risks:MaxAcceptance must be positive.";
        if (EscalationTimeout <= TimeSpan.Zero) yield return "Risks:EscalationTimeout must be positive.";
        if (ReminderDays.Any(d => d < 1)) yield return "Risks:ExpiryReminderDays must be whole days of at least 1.";
        if (Schedule() is null) yield return $"Risks:WeeklyReview \"{WeeklyReview}\" in Risks:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 10 ? * MON\" and UTC.";
    }
}
