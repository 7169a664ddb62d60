using System.Globalization;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;

namespace ExecOps.Cards.Reports;

/// <summary>A drafted report: its files, each with a link that opens it for the person it was drafted for.</summary>
public static class ReportCard
{
    private const int MaxLinks = 20;

    /// <param name="link">The signed address of a file, or null where the reader cannot be given one (a channel).</param>
    public static Card Build(ReportData report, PeopleDirectory people, Func<ReportFile, string?> link)
    {
        // Slack allows 25 buttons in a message: an export of many ADRs links the first files and names how many more there are.
        var shown = report.Files.Take(MaxLinks).ToList();
        var buttons = shown.Select(f => link(f) is { } url ? new LinkButton(f.Name, url) : null).OfType<CardButton>().ToList();
        var more = report.Files.Count - shown.Count;
        var body = new List<CardBlock>
        {
            new ListBlock([.. shown.Select(f => $"{f.Name} ({Size(f)})"), .. more > 0 ? [$"…and {more} more; in Slack, the copy in your messages has every file attached"] : Array.Empty<string>()]),
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
