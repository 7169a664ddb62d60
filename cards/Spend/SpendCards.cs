using ExecOps.Workflows.Spend;
using static ExecOps.Workflows.Spend.SpendFormat;

namespace ExecOps.Cards.Spend;

/// <summary>`/spend` and `/spend expired`: spend by service and team against the days before, untagged spend, and expired non-prod.</summary>
public static class SpendCards
{
    /// <summary>Rows each list shows; the rest are summed in its last line.</summary>
    public const int Rows = 15;

    public static Card Report(SpendReport report, string currency)
    {
        var body = new List<CardBlock>
        {
            new TextBlock($"Total {Money(report.All.Now)} {currency} ({Change(report.All)} against the {report.To.DayNumber - report.From.DayNumber + 1} days before)"),
            new TextBlock("By service", TextStyle.Heading), new ListBlock(Lines(report.Services, "No tagged spend.")),
            new TextBlock("By team", TextStyle.Heading), new ListBlock(Lines(report.Teams, "No spend tagged with a team.")),
            new TextBlock("Untagged, by provider", TextStyle.Heading), new ListBlock(Lines(report.Untagged, "None: every line carries a service or a team.")),
        };
        return new Card($"Spend {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}", body, [])
        {
            Tone = report.Untagged.Any(u => u.Now > 0) ? Tone.Warning : Tone.Default,
        };
    }

    public static Card Expired(IReadOnlyList<ExpiredSpend> expired, string currency)
    {
        var rows = expired.Select(e => $"{string.Join("/", new[] { e.Service, e.Team, e.Tenant }.Where(t => t.Length > 0).DefaultIfEmpty("untagged"))} on {e.Provider} · expired {e.Expires:yyyy-MM-dd} · " +
            $"billed {e.LastDay:yyyy-MM-dd}: {Money(e.LastAmount)} {currency}").ToList();
        return new Card("Non-prod spend past its expiry", [new ListBlock(rows.Count == 0 ? ["None: no non-prod spend is billed past its expires date."] : rows)], [])
        {
            Subtitle = $"billed in the last {SpendService.ExpiredLookback} days",
            Tone = rows.Count > 0 ? Tone.Warning : Tone.Good,
        };
    }

    public static Card Savings(IReadOnlyList<SpendSaving> savings, string currency)
    {
        var rows = savings.Take(Rows).Select(s => $"{s.Id} · {s.What} · {s.Service} · {Money(s.Monthly)} {currency} a month · {s.At:yyyy-MM-dd} · evidence {s.Evidence}").ToList();
        if (savings.Count > Rows) rows.Add($"{savings.Count - Rows} more · {Money(savings.Skip(Rows).Sum(s => s.Monthly))} {currency} a month");
        return new Card("Savings shipped this month", [new ListBlock(rows.Count == 0 ? ["None recorded yet: `/spend savings \"<what>\" amount:<per month> service:<name> evidence:<link>`."] : rows)], [])
        {
            Subtitle = $"{Money(savings.Sum(s => s.Monthly))} {currency} a month in all",
            Tone = rows.Count > 0 ? Tone.Good : Tone.Default,
        };
    }

    public static Card Budgets(IReadOnlyList<BudgetStanding> budgets, string currency)
    {
        var rows = budgets.Select(b => $"{b.Budget.Name} ({b.Budget.Service ?? b.Budget.Team}) · {Money(b.Spent)} of {Money(b.Budget.Monthly)} {currency} spent ({Percent(b.SpentShare)}) · " +
            $"forecast {Money(b.Forecast)} ({Percent(b.ForecastShare)})" + (b.Reached.Count > 0 ? $" · ⚠ past {b.Reached[^1]}%" : "")).ToList();
        return new Card("Budgets this month", [new ListBlock(rows.Count == 0 ? ["No budgets are set: add them under Spend:Budgets."] : rows)], [])
        {
            Tone = budgets.Any(b => b.Reached.Count > 0) ? Tone.Warning : Tone.Default,
        };
    }

    private static IReadOnlyList<string> Lines(IReadOnlyList<SpendTotal> totals, string whenNone)
    {
        if (totals.Count == 0) return [whenNone];
        var lines = totals.Take(Rows).Select(t => $"{t.Name} · {Money(t.Now)} ({Change(t)})").ToList();
        if (totals.Count > Rows) lines.Add($"{totals.Count - Rows} more · {Money(totals.Skip(Rows).Sum(t => t.Now))}");
        return lines;
    }

    private static string Change(SpendTotal total) => total.Before == 0
        ? total.Now == 0 ? "no change" : "new"
        : $"{Signed(total.Change)}, {Share(total.Change, total.Before)}";
}
