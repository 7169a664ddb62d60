using System.Globalization;
using System.Text;
using ExecOps.Workflows.Kpis;

namespace ExecOps.Workflows.Reports;

/// <summary>
/// Writes a report as GitHub-flavoured Markdown, which chat previews and a board member opens in
/// anything. Cells are escaped so a title with a pipe cannot break a table.
/// </summary>
public sealed class Markdown
{
    private readonly StringBuilder text = new();

    public Markdown Heading(int level, string title)
    {
        text.Append('#', level).Append(' ').Append(title).Append("\n\n");
        return this;
    }

    public Markdown Paragraph(string paragraph)
    {
        text.Append(paragraph).Append("\n\n");
        return this;
    }

    public Markdown Bullets(IEnumerable<string> items, string whenNone)
    {
        var any = false;
        foreach (var item in items)
        {
            text.Append("- ").Append(item).Append('\n');
            any = true;
        }
        if (!any) text.Append("- ").Append(whenNone).Append('\n');
        text.Append('\n');
        return this;
    }

    public Markdown Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string whenNone)
    {
        var body = rows.ToList();
        if (body.Count == 0) return Paragraph($"_{whenNone}_");
        text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select(_ => " --- ")).Append("|\n");
        foreach (var row in body) text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        text.Append('\n');
        return this;
    }

    public override string ToString() => text.ToString().TrimEnd('\n') + "\n";

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Usd(decimal amount) => KpiUnit.Usd.Format(amount);

    public static string Value(Kpi kpi, decimal? value) => value is { } v ? kpi.Unit.Format(v) : "no data";

    /// <summary>A change with its sign, in the KPI's unit: "+1.5%", "−$2k".</summary>
    public static string Change(Kpi kpi, decimal? before, decimal? now) =>
        before is { } b && now is { } n ? (n - b >= 0 ? "+" : "−") + kpi.Unit.Format(Math.Abs(n - b)) : "—";

    /// <summary>A KPI's row in a deltas table: name, before, now, change, target, status.</summary>
    public static IReadOnlyList<string> Row(KpiDelta d) =>
        [d.Kpi.Name, Value(d.Kpi, d.Before), Value(d.Kpi, d.Now), Change(d.Kpi, d.Before, d.Now), d.Kpi.Unit.Format(d.Kpi.Target), Status(d.Status)];

    public static string Duration(TimeSpan? span) => span is not { } s ? "—"
        : s.TotalHours >= 1 ? $"{(int)s.TotalHours}h {s.Minutes:00}m" : $"{(int)s.TotalMinutes}m";

    public static string Status(KpiStatus? status) => status switch
    {
        KpiStatus.Green => "🟢 green",
        KpiStatus.Yellow => "🟡 yellow",
        KpiStatus.Red => "🔴 red",
        _ => "—",
    };

    private static string Cell(string value) => value.Replace("\r", "").Replace("\n", " ").Replace("|", "\\|");
}
