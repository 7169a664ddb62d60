namespace ExecOps.Workflows;

/// <summary>
/// The sane window for each kind of value a person or a pipeline gives: beyond it a value is a typing
/// slip or a bug upstream (an epoch-zero date, a year 9999), and is refused with the field and the
/// accepted range rather than stored, shown on the scoreboard, or overflowing a calculation later.
/// </summary>
public static class Bounds
{
    /// <summary>Nothing the bot keeps is about a time before this: the scoreboard's weeks start here too.</summary>
    public static readonly DateOnly HistoryStarts = new(2000, 1, 1);

    /// <summary>How far ahead a plan's date (a due date, a review, a revisit) may be.</summary>
    public const int YearsAhead = 5;

    /// <summary>How far back a pipeline may report what happened (a deploy, an alert, a rollout stage).</summary>
    public static readonly TimeSpan EventsReach = TimeSpan.FromDays(90);

    /// <summary>How far ahead of our clock a reported time may be, for clocks that drift.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The largest amount of money anything here is about ($1000B): more is a slip, and would not render.</summary>
    public const decimal MaxMoney = 1_000_000_000_000m;

    public const int Title = 200;
    public const int Note = 2000;

    /// <summary>A date something is planned for: from today on, and at most <see cref="YearsAhead"/> years ahead.</summary>
    public static DateOnly Ahead(DateOnly date, DateOnly today, string field, string? subject = null)
    {
        if (date < today)
            throw new RefusedException(RefusalKind.Invalid, $"{field}:{date:yyyy-MM-dd} is in the past; give a date from {today:yyyy-MM-dd} on.", subject);
        var latest = today.AddYears(YearsAhead);
        if (date > latest)
            throw new RefusedException(RefusalKind.Invalid, $"{field}:{date:yyyy-MM-dd} is more than {YearsAhead} years ahead; give a date up to {latest:yyyy-MM-dd}.", subject);
        return date;
    }

    /// <summary>A time a pipeline says something happened: within the last <see cref="EventsReach"/>, and not ahead of now.</summary>
    public static DateTimeOffset Happened(DateTimeOffset at, DateTimeOffset now, string field, string? subject = null)
    {
        var earliest = now - EventsReach;
        if (at < earliest || at > now + ClockSkew)
            throw new RefusedException(RefusalKind.Invalid,
                $"{field} {at:yyyy-MM-ddTHH:mm:ssZ} is outside {earliest:yyyy-MM-ddTHH:mm:ssZ} – {now + ClockSkew:yyyy-MM-ddTHH:mm:ssZ}: events are reported as they happen, at most {EventsReach.TotalDays:0} days late, and not ahead of the clock.", subject);
        return at;
    }

    /// <summary>
    /// A time a provider says something happened, which the bot cannot send back: outside <see cref="Happened"/>'s
    /// window (a redelivery months on, a wrong clock) it is placed at its receipt rather than the delivery lost.
    /// </summary>
    public static DateTimeOffset Placed(DateTimeOffset at, DateTimeOffset now) => at >= now - EventsReach && at <= now + ClockSkew ? at : now;

    /// <summary>A month a report is about: one that has started, and not before the bot's history.</summary>
    public static DateOnly Month(DateOnly month, DateOnly today, string field)
    {
        var current = new DateOnly(today.Year, today.Month, 1);
        if (month > current)
            throw new RefusedException(RefusalKind.Invalid, $"{field} {month:yyyy-MM} has not begun; give a month from {HistoryStarts:yyyy-MM} to {current:yyyy-MM}.");
        if (month < HistoryStarts)
            throw new RefusedException(RefusalKind.Invalid, $"{field} {month:yyyy-MM} is before {HistoryStarts:yyyy-MM}, where the bot's history starts; give a month from {HistoryStarts:yyyy-MM} to {current:yyyy-MM}.");
        return month;
    }

    /// <summary>An amount in US dollars: more than $0 and at most <see cref="MaxMoney"/>.</summary>
    public static decimal Money(decimal amount, string field, string? subject = null) =>
        amount is > 0 and <= MaxMoney ? amount
        : throw new RefusedException(RefusalKind.Invalid, $"{field} ${amount:#,0.##} is outside $1 – $1000B; give the amount in US dollars, e.g. {field}:$250k.", subject);

    /// <summary>Text a person wrote, trimmed, at most <paramref name="max"/> characters.</summary>
    public static string Text(string text, string field, int max, string? subject = null)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed
            : throw new RefusedException(RefusalKind.Invalid, $"{field} is {trimmed.Length} characters; keep it to {max}.", subject);
    }
}
