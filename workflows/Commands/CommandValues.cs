using System.Globalization;

namespace ExecOps.Workflows.Commands;

/// <summary>The typed values commands take, read one way everywhere, with the same answer when they are wrong.</summary>
public static class CommandValues
{
    public static DateOnly Date(string? text, string field) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new RefusedException(RefusalKind.Invalid, $"{field}:{text ?? "…"} must be a date written YYYY-MM-DD.");
}
