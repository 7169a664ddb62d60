using System.Globalization;
using System.Text.RegularExpressions;

namespace ExecOps.Workflows.Commands;

/// <summary>The typed values commands take, read one way everywhere, with the same answer when they are wrong.</summary>
public static partial class CommandValues
{
    public static DateOnly Date(string? text, string field) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new RefusedException(RefusalKind.Invalid, $"{field}:{text ?? "…"} must be a date written YYYY-MM-DD.");

    /// <summary>`2h`, `90m`, `1h30m`.</summary>
    public static TimeSpan Duration(string? text)
    {
        var match = DurationPattern().Match(text?.Trim() ?? "");
        if (!match.Success || (match.Groups[1].Length == 0 && match.Groups[2].Length == 0))
            throw new RefusedException(RefusalKind.Invalid, $"duration:{text ?? "…"} is not a duration; write it like duration:2h, duration:90m or duration:1h30m.");
        var hours = match.Groups[1].Length > 0 ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups[2].Length > 0 ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
    }

    [GeneratedRegex("^(?:([0-9]{1,3})h)?(?:([0-9]{1,4})m)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
