using System.Globalization;
using System.Text.RegularExpressions;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>An ISO 8601 week (`2026-W47`), Monday to Sunday in UTC: the scoreboard's period.</summary>
public readonly partial record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateTimeOffset at)
    {
        var day = at.UtcDateTime;
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    /// <summary>Null when <paramref name="text"/> is not a week that exists, such as 2026-W54.</summary>
    public static IsoWeek? TryParse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success) return null;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || year > 2999 || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return null;
        return new IsoWeek(year, week);
    }

    public DateTimeOffset Start => new(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday), TimeSpan.Zero);

    /// <summary>The first instant after the week: observations up to, not including, this belong to it.</summary>
    public DateTimeOffset End => Start.AddDays(7);

    public IsoWeek Previous => Of(Start.AddDays(-1));

    public IsoWeek Next => Of(End);

    public IsoWeek Minus(int weeks) => Of(Start.AddDays(-7 * weeks));

    public int CompareTo(IsoWeek other) => Start.CompareTo(other.Start);

    public static bool operator <(IsoWeek a, IsoWeek b) => a.CompareTo(b) < 0;
    public static bool operator >(IsoWeek a, IsoWeek b) => a.CompareTo(b) > 0;
    public static bool operator <=(IsoWeek a, IsoWeek b) => a.CompareTo(b) <= 0;
    public static bool operator >=(IsoWeek a, IsoWeek b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year}-W{Week:00}";

    [GeneratedRegex(@"^(\d{4})-?W(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
