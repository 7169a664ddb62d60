using System.Globalization;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Spend;

/// <summary>
/// Checks a batch of spend: a day that has begun and is not before the bot's history, an amount (credits may be
/// negative) in the reporting currency, a provider, and tags of sane names; `env` is prod or non-prod, `expires` a date.
/// One bad row refuses the batch, every bad row named by index.
/// </summary>
public sealed partial class SpendIntake(SpendSettings settings)
{
    private const int MaxName = 100;

    /// <summary>Larger than any one day's line of cloud spend; more is a slip upstream.</summary>
    private const decimal MaxAmount = 1_000_000_000m;

    public (IReadOnlyList<SpendLine> Lines, IReadOnlyList<RejectedRow> Rejected) Check(IReadOnlyList<SpendInput?> batch, DateTimeOffset now)
    {
        var (lines, rejected) = Rows(batch, "spend", now, Check);
        var twice = lines.GroupBy(l => (l.Day, l.Provider, l.Service, l.Team, l.Tenant, l.Env)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            rejected.Add(new RejectedRow(batch.Count - 1, $"{twice.Key.Provider} on {twice.Key.Day:yyyy-MM-dd} with the same tags is in the batch twice; send each day's line once (its total)"));
        return (lines, rejected);
    }

    /// <summary>Checks a batch of daily usage counts: a day as for spend, a metric name, and a count that is not negative.</summary>
    public (IReadOnlyList<UsageCount> Counts, IReadOnlyList<RejectedRow> Rejected) CheckUsage(IReadOnlyList<UsageInput?> batch, DateTimeOffset now)
    {
        var (counts, rejected) = Rows(batch, "usage", now, Check);
        var twice = counts.GroupBy(c => (c.Day, c.Metric)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            rejected.Add(new RejectedRow(batch.Count - 1, $"{twice.Key.Metric} on {twice.Key.Day:yyyy-MM-dd} is in the batch twice; send each day's count once"));
        return (counts, rejected);
    }

    private (List<TOut> Rows, List<RejectedRow> Rejected) Rows<TIn, TOut>(IReadOnlyList<TIn?> batch, string what, DateTimeOffset now, Func<TIn?, DateOnly, List<string>, TOut?> check)
        where TIn : class where TOut : class
    {
        if (batch.Count == 0) throw new RefusedException(RefusalKind.Invalid, $"The batch has no {what}; send at least one row.");
        if (batch.Count > settings.MaxBatch)
            throw new RefusedException(RefusalKind.TooLarge, $"The batch has {batch.Count} rows; the limit is {settings.MaxBatch} (Spend:MaxBatch). Split it; nothing was stored.");
        var rows = new List<TOut>();
        var rejected = new List<RejectedRow>();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < batch.Count; i++)
        {
            var reasons = new List<string>();
            var row = check(batch[i], today, reasons);
            if (reasons.Count > 0) rejected.Add(new RejectedRow(i, string.Join("; ", reasons)));
            else rows.Add(row!);
        }
        return (rows, rejected);
    }

    private static UsageCount? Check(UsageInput? input, DateOnly today, List<string> reasons)
    {
        if (input?.Unreadable is { } unreadable || input is null)
        {
            reasons.Add(input?.Unreadable ?? "the row is empty");
            return null;
        }
        var day = Day(input.Day, today, reasons);
        var metric = Name(input.Metric, "metric", reasons, required: true);
        decimal value = 0;
        if (input.Value is null) reasons.Add("value is missing");
        else if (!decimal.TryParse(input.Value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out value) || value < 0 || value > MaxCount)
            reasons.Add($"value \"{input.Value}\" must be a count from 0 to {MaxCount:0,0}");
        return reasons.Count > 0 ? null : new UsageCount(day!.Value, metric!, value);
    }

    /// <summary>More requests in a day than any product serves; more is a slip upstream.</summary>
    private const decimal MaxCount = 1_000_000_000_000_000m;

    private static DateOnly? Day(string? text, DateOnly today, List<string> reasons)
    {
        DateOnly? day = DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", out var d) ? d : null;
        if (day is null) reasons.Add($"day {(text is null ? "is missing" : $"\"{text}\" is not a date written yyyy-MM-dd")}");
        else if (day > today) reasons.Add($"day {day:yyyy-MM-dd} has not begun (today is {today:yyyy-MM-dd}); spend records what was spent");
        else if (day < Bounds.HistoryStarts) reasons.Add($"day {day:yyyy-MM-dd} is before {Bounds.HistoryStarts:yyyy-MM-dd}, where the bot's history starts");
        return day;
    }

    private SpendLine? Check(SpendInput? input, DateOnly today, List<string> reasons)
    {
        if (input is null)
        {
            reasons.Add("the row is empty");
            return null;
        }
        if (input.Unreadable is { } unreadable)
        {
            reasons.Add(unreadable);
            return null;
        }
        var day = Day(input.Day, today, reasons);
        decimal amount = 0;
        if (input.Amount is null) reasons.Add("amount is missing");
        else if (!decimal.TryParse(input.Amount.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount) || Math.Abs(amount) > MaxAmount)
            reasons.Add($"amount \"{input.Amount}\" is not an amount from -{MaxAmount:#,0} to {MaxAmount:#,0}; send digits with a dot for decimals, e.g. 1234.56");
        var currency = input.Currency?.Trim().ToUpperInvariant() ?? settings.Currency;
        if (currency != settings.Currency) reasons.Add($"currency {currency} is not {settings.Currency}, the currency spend is reported in (Spend:Currency); convert it before sending");
        var provider = Name(input.Provider, "provider", reasons, required: true);
        var env = input.Env?.Trim().ToLowerInvariant() ?? "";
        if (env is not ("" or "prod" or "non-prod")) reasons.Add($"env \"{input.Env}\" must be prod or non-prod");
        DateOnly? expires = null;
        if (input.Expires is { Length: > 0 } text)
        {
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var e) && e >= Bounds.HistoryStarts && e <= today.AddYears(Bounds.YearsAhead)) expires = e;
            else reasons.Add($"expires \"{text}\" must be a date written yyyy-MM-dd, at most {Bounds.YearsAhead} years ahead");
        }
        var line = new SpendLine(day ?? default, provider ?? "", decimal.Round(amount, 6), currency, Name(input.Service, "service", reasons) ?? "", Name(input.Team, "team", reasons) ?? "",
            Name(input.Tenant, "tenant", reasons) ?? "", env, expires);
        return reasons.Count > 0 ? null : line;
    }

    private static string? Name(string? text, string field, List<string> reasons, bool required = false)
    {
        var name = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            if (required) reasons.Add($"{field} is missing; name who billed it, e.g. aws");
            return null;
        }
        if (name.Length > MaxName || !NamePattern().IsMatch(name))
        {
            reasons.Add($"{field} \"{(name.Length > 40 ? name[..40] + "…" : name)}\" must be up to {MaxName} letters, digits, dots, dashes or underscores");
            return null;
        }
        return name;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
