using System.Text;

namespace ExecOps.Workflows.Reports;

/// <summary>Writes CSV as RFC 4180 has it (the shape the intake endpoints read): a field with a comma, quote or line break is quoted, quotes doubled.</summary>
public sealed class Csv(params string[] header)
{
    private readonly StringBuilder text = new StringBuilder().AppendJoin(',', header.Select(Field)).Append("\r\n");

    public Csv Row(params object?[] fields)
    {
        text.AppendJoin(',', fields.Select(f => Field(f switch
        {
            null => "",
            DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        }))).Append("\r\n");
        return this;
    }

    public override string ToString() => text.ToString();

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
