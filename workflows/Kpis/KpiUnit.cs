using System.Globalization;

namespace ExecOps.Workflows.Kpis;

/// <summary>What a KPI's numbers are in, and how to write them for a reader.</summary>
public enum KpiUnit { Usd, Percent, Count, Days, Hours }

public static class KpiUnits
{
    public static string Format(this KpiUnit unit, decimal value) => unit switch
    {
        KpiUnit.Usd when Math.Abs(value) >= 1_000_000 => $"${(value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture)}M",
        KpiUnit.Usd when Math.Abs(value) >= 10_000 => $"${(value / 1_000).ToString("0.#", CultureInfo.InvariantCulture)}k",
        KpiUnit.Usd => $"${value.ToString("0.##", CultureInfo.InvariantCulture)}",
        KpiUnit.Percent => $"{value.ToString("0.##", CultureInfo.InvariantCulture)}%",
        KpiUnit.Count => value.ToString("#,0", CultureInfo.InvariantCulture),
        KpiUnit.Days => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} d",
        KpiUnit.Hours => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} h",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
