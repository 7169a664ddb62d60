using System.Globalization;

namespace ExecOps.Workflows.Kpis;

/// <summary>What a KPI's numbers are in, and how to write them for a reader.</summary>
public enum KpiUnit { Usd, Percent, Count, Days, Hours }

public static class KpiUnits
{
    /// <summary>The values a measurement in the unit can take; outside, it is a slip upstream (NDR may pass 100%, nothing passes 1000%).</summary>
    public static (decimal Min, decimal Max) Range(this KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => (0, 1000),
        KpiUnit.Usd => (0, Bounds.MaxMoney),
        KpiUnit.Count => (0, 1_000_000_000_000),
        _ => (0, 1_000_000),
    };

    public static string Format(this KpiUnit unit, decimal value) => unit switch
    {
        KpiUnit.Usd when Math.Abs(value) >= 1_000_000 => $"${(value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture)}M",
        KpiUnit.Usd when Math.Abs(value) >= 1_000 => $"${(value / 1_000).ToString("0.#", CultureInfo.InvariantCulture)}k",
        KpiUnit.Usd => $"${value.ToString("0.##", CultureInfo.InvariantCulture)}",
        KpiUnit.Percent => $"{value.ToString("0.##", CultureInfo.InvariantCulture)}%",
        KpiUnit.Count => value.ToString("#,0", CultureInfo.InvariantCulture),
        KpiUnit.Days => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} d",
        KpiUnit.Hours => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} h",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
