using System.Globalization;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Kpis;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// Checks a batch of observations row by row. Every fault is named with its row, so a pipeline can
/// fix them all in one go; a batch with any bad row is refused whole (see README), which makes a
/// retry after the fix safe, because storing is idempotent.
/// </summary>
public sealed partial class ObservationIntake(KpiCatalog catalog, Segments segments, ScoreboardSettings settings)
{
    public (IReadOnlyList<Observation> Rows, IReadOnlyList<RejectedRow> Rejected) Check(IReadOnlyList<ObservationInput?> batch, DateTimeOffset now)
    {
        if (batch.Count > settings.MaxBatch)
            throw new RefusedException(RefusalKind.TooLarge, $"The batch has {batch.Count} rows; the limit is {settings.MaxBatch} (Scoreboard:MaxBatch). Split it into smaller batches; nothing was stored.");
        var rows = new List<Observation>();
        var rejected = new List<RejectedRow>();
        for (var i = 0; i < batch.Count; i++)
        {
            var reasons = new List<string>();
            var row = Check(batch[i], now, reasons);
            if (reasons.Count > 0) rejected.Add(new RejectedRow(i, string.Join("; ", reasons)));
            else rows.Add(row!);
        }
        return (rows, rejected);
    }

    private Observation? Check(ObservationInput? input, DateTimeOffset now, List<string> reasons)
    {
        if (input is null)
        {
            reasons.Add("the row is empty");
            return null;
        }
        if (input.Unreadable is not null)
        {
            reasons.Add(input.Unreadable);
            return null;
        }
        var kpi = string.IsNullOrWhiteSpace(input.Kpi) ? null : catalog.Find(input.Kpi.Trim());
        if (string.IsNullOrWhiteSpace(input.Kpi)) reasons.Add("kpi is missing");
        else if (kpi is null) reasons.Add($"kpi \"{input.Kpi}\" is not in the catalog (ids: {string.Join(", ", catalog.Kpis.Select(k => k.Id))})");

        var at = When(input, now, reasons);

        decimal value = 0;
        if (string.IsNullOrWhiteSpace(input.Value)) reasons.Add("value is missing");
        else if (!decimal.TryParse(input.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            reasons.Add($"value \"{input.Value}\" is not a number; send digits with a dot for decimals, e.g. 99.95");
        else if (kpi is not null && kpi.Unit.Range() is var (min, max) && (value < min || value > max))
            reasons.Add($"value {input.Value.Trim()} is outside {kpi.Unit.Format(min)} – {kpi.Unit.Format(max)}, what {kpi.Id} ({kpi.Unit.ToString().ToLowerInvariant()}) can measure");

        var slice = new Slice(
            Name(input.Domain, "domain", reasons), Name(input.Service, "service", reasons), Name(input.Team, "team", reasons),
            Segment(input.Icp, "icp", Segments.IcpValues, reasons), Segment(input.Size, "size", Segments.SizeValues, reasons),
            Segment(input.Region, "region", segments.Regions, reasons));
        if (slice.Service is not null && slice.Team is not null)
            reasons.Add("give service or team, not both: the drilldown goes domain → service, or domain → team");

        return reasons.Count > 0 ? null : new Observation(kpi!.Id, at!.Value, value, slice);
    }

    private DateTimeOffset? When(ObservationInput input, DateTimeOffset now, List<string> reasons)
    {
        var hasAt = !string.IsNullOrWhiteSpace(input.At);
        var hasPeriod = !string.IsNullOrWhiteSpace(input.Period);
        if (hasAt == hasPeriod)
        {
            reasons.Add(hasAt ? "give at or period, not both" : "at (a timestamp) or period (a day like 2026-11-16 or a week like 2026-W47) is missing");
            return null;
        }
        if (hasAt)
        {
            if (!DateTimeOffset.TryParse(input.At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                reasons.Add($"at \"{input.At}\" is not a timestamp; use ISO 8601, e.g. 2026-11-16T09:00:00Z");
                return null;
            }
            if (at.UtcDateTime < Bounds.HistoryStarts.ToDateTime(TimeOnly.MinValue))
            {
                reasons.Add($"at {at:yyyy-MM-ddTHH:mm:ssZ} is before {Bounds.HistoryStarts:yyyy-MM-dd}, where the scoreboard's history starts");
                return null;
            }
            if (at > now + settings.ClockSkew)
            {
                reasons.Add($"at {at:yyyy-MM-ddTHH:mm:ssZ} is in the future (now is {now:yyyy-MM-ddTHH:mm:ssZ}); an observation records what was measured");
                return null;
            }
            return at;
        }
        var (start, length) = Period(input.Period!.Trim());
        if (start is null)
        {
            reasons.Add($"period \"{input.Period}\" is neither a day (2026-11-16) nor an ISO week (2026-W47)");
            return null;
        }
        if (start.Value.UtcDateTime < Bounds.HistoryStarts.ToDateTime(TimeOnly.MinValue))
        {
            reasons.Add($"period {input.Period} is before {Bounds.HistoryStarts:yyyy-MM-dd}, where the scoreboard's history starts");
            return null;
        }
        if (start > now)
        {
            reasons.Add($"period {input.Period} has not started yet (now is {now:yyyy-MM-dd})");
            return null;
        }
        // Only now, when the period is known to have started, does its end exist (9999-12-31 has none).
        var end = start.Value + length;
        // A period still running is as of now: its value may change until the period ends.
        return end > now ? now : end.AddTicks(-TimeSpan.TicksPerSecond);
    }

    private static (DateTimeOffset? Start, TimeSpan Length) Period(string text)
    {
        if (IsoWeek.TryParse(text) is { } week) return (week.Start, TimeSpan.FromDays(7));
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), TimeSpan.FromDays(1));
        return (null, TimeSpan.Zero);
    }

    private static string? Name(string? value, string field, List<string> reasons)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var name = value.Trim().ToLowerInvariant();
        if (!NamePattern().IsMatch(name)) reasons.Add($"{field} \"{value}\" must be 1–64 letters, digits, dots, dashes or underscores");
        return name;
    }

    private static string? Segment(string? value, string field, IReadOnlyList<string> allowed, List<string> reasons)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var segment = value.Trim().ToLowerInvariant();
        if (!allowed.Contains(segment)) reasons.Add($"{field} \"{value}\" is not one of {string.Join(", ", allowed)}");
        return segment;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
