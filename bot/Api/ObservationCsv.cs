using System.Text;
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

    public static IReadOnlyList<ObservationInput> Parse(string text)
    {
        var records = Records(text).Where(r => !(r.Count == 1 && r[0].Length == 0)).ToList();
        if (records.Count == 0)
            throw new RefusedException(RefusalKind.Invalid, $"The CSV is empty. Start with a header row, e.g. `kpi,period,value,team`; the columns are {string.Join(", ", Columns)}.");
        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (unknown.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"The CSV header names unknown column(s) {string.Join(", ", unknown.Select(u => $"\"{u}\""))}; the columns are {string.Join(", ", Columns)}.");
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new RefusedException(RefusalKind.Invalid, $"The CSV header names \"{duplicate.Key}\" twice.");

        return records.Skip(1).Select(record =>
        {
            if (record.Count != header.Count)
                return new ObservationInput(null, null, null, null, Unreadable: $"the row has {record.Count} field(s) but the header has {header.Count}");
            string? Field(string name) => header.IndexOf(name) is var i and >= 0 && record[i].Trim().Length > 0 ? record[i].Trim() : null;
            return new ObservationInput(Field("kpi"), Field("period"), Field("at"), Field("value"),
                Field("icp"), Field("size"), Field("region"), Field("domain"), Field("service"), Field("team"));
        }).ToList();
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
            }
            else field.Append(c);
        }
        if (quoted) throw new RefusedException(RefusalKind.Invalid, "The CSV ends inside a quoted field; close it with a \".");
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
