using ExecOps.Workflows;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Bot.Api;

/// <summary>
/// Observations as CSV (RFC 4180: commas, double-quoted fields, "" for a quote inside one): a header
/// row naming the columns of the JSON intake (kpi, period or at, value, icp, size, region, domain,
/// service, team), in any order, then one observation per row. Rows are numbered from 0 after the header.
/// </summary>
public static class ObservationCsv
{
    public static readonly IReadOnlyList<string> Columns = ["kpi", "period", "at", "value", "icp", "size", "region", "domain", "service", "team"];

    public static IReadOnlyList<ObservationInput> Parse(string text) =>
        CsvTable.Parse(text, Columns, "kpi,period,value,team").Select(row => row.Unreadable is { } reason
            ? new ObservationInput(null, null, null, null, Unreadable: reason)
            : new ObservationInput(row.Field("kpi"), row.Field("period"), row.Field("at"), row.Field("value"),
                row.Field("icp"), row.Field("size"), row.Field("region"), row.Field("domain"), row.Field("service"), row.Field("team"))).ToList();
}
