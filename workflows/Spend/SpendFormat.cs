using System.Globalization;

namespace ExecOps.Workflows.Spend;

/// <summary>How spend reads in messages and cards: amounts with two decimals, changes with their sign, shares of the period before.</summary>
public static class SpendFormat
{
    public static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Signed(decimal amount) => (amount >= 0 ? "+" : "−") + Money(Math.Abs(amount));

    /// <summary>The change against <paramref name="before"/> as a signed percentage, or "new" when nothing was spent before.</summary>
    public static string Share(decimal change, decimal before) =>
        before == 0 ? "new" : $"{(change >= 0 ? "+" : "−")}{Math.Abs(change / before * 100).ToString("0", CultureInfo.InvariantCulture)}%";

    public static string Percent(decimal share) => $"{(share * 100).ToString("0", CultureInfo.InvariantCulture)}%";
}
