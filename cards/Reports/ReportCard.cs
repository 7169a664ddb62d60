using System.Globalization;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;

namespace ExecOps.Cards.Reports;

/// <summary>A drafted report: its files, each with a link that opens it for the person it was drafted for.</summary>
public static class ReportCard
{
    /// <param name="link">The signed address of a file, or null where the reader cannot be given one (a channel).</param>
    public static Card Build(ReportData report, PeopleDirectory people, Func<ReportFile, string?> link)
    {
        var buttons = report.Files.Select(f => link(f) is { } url ? new LinkButton(f.Name, url) : null).OfType<CardButton>().ToList();
        var body = new List<CardBlock>
        {
            new ListBlock(report.Files.Select(f => $"{f.Name} ({Size(f)})").ToList()),
            new TextBlock(buttons.Count > 0 ? "Each button opens its file (Markdown, or CSV for tables); the links are signed for you and expire after 24 hours." : "Ask for the files with the command that drafted them.", TextStyle.Subtle),
        };
        return new Card(report.Title, body, buttons)
        {
            Subtitle = $"{report.Id} · drafted {report.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC for {people.NameOf(report.For)}",
            Tone = Tone.Accent,
        };
    }

    private static string Size(ReportFile file)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(file.Markdown);
        return bytes < 1024 ? $"{bytes} B" : $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB";
    }
}
