using System.Text;
using ExecOps.Workflows;

namespace ExecOps.Bot.Api;

/// <summary>One data row of a CSV, read by column name; a row that does not fit the header says why instead.</summary>
public sealed record CsvRow(List<string> Header, IReadOnlyList<string> Fields, string? Unreadable = null)
{
    /// <summary>The trimmed field under <paramref name="column"/>, or null when it is empty or not in the header.</summary>
    public string? Field(string column) => Header.IndexOf(column) is var i and >= 0 && Fields[i].Trim().Length > 0 ? Fields[i].Trim() : null;
}

/// <summary>
/// CSV as the intake endpoints take it (RFC 4180: commas, double-quoted fields, "" for a quote inside one):
/// a header row naming known columns in any order, then one record per row, numbered from 0 after the header.
/// </summary>
public static class CsvTable
{
    public static IReadOnlyList<CsvRow> Parse(string text, IReadOnlyList<string> columns, string exampleHeader)
    {
        var records = Records(text).Where(r => !(r.Count == 1 && r[0].Length == 0)).ToList();
        if (records.Count == 0)
            throw new RefusedException(RefusalKind.Invalid, $"The CSV is empty. Start with a header row, e.g. `{exampleHeader}`; the columns are {string.Join(", ", columns)}.");
        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var unknown = header.Where(h => !columns.Contains(h)).ToList();
        if (unknown.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"The CSV header names unknown column(s) {string.Join(", ", unknown.Select(u => $"\"{u}\""))}; the columns are {string.Join(", ", columns)}.");
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new RefusedException(RefusalKind.Invalid, $"The CSV header names \"{duplicate.Key}\" twice.");
        return records.Skip(1).Select(record => record.Count == header.Count
            ? new CsvRow(header, record)
            : new CsvRow(header, [], $"the row has {record.Count} field(s) but the header has {header.Count}")).ToList();
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
