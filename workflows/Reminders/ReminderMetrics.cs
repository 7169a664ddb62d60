using System.Diagnostics.Metrics;

namespace ExecOps.Workflows.Reminders;

/// <summary>How late reminders fire after they fall due: the operating rhythm's promise that a reminder arrives on time.</summary>
public static class ReminderMetrics
{
    public const string MeterName = "ExecOps.Reminders";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Lateness = Meter.CreateHistogram<double>("execops.reminder.lateness", "s",
        "From a reminder's due time to its firing, by kind.");

    public static void Fired(string kind, TimeSpan late) => Lateness.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("kind", kind));
}
