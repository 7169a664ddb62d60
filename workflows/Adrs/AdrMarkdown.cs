using System.Text;
using System.Text.RegularExpressions;

namespace ExecOps.Workflows.Adrs;

/// <summary>
/// ADRs as Markdown files in the standard layout (Michael Nygard's template, as adr-tools writes it): `docs/adr/NNNN-title.md`,
/// numbered with the ADR's number and named from its title, with Status, Context, Decision and Consequences, and the
/// supersession links both ways.
/// </summary>
public static partial class AdrMarkdown
{
    public const string Folder = "docs/adr";

    public static string FileName(AdrData adr) => $"{adr.Number:0000}-{Slug(adr.Title)}.md";

    public static string Render(AdrData adr, IReadOnlyDictionary<string, AdrData> all, Func<string, string> name)
    {
        var text = new StringBuilder()
            .Append($"# {adr.Number}. {adr.Title}\n\n")
            .Append($"Date: {adr.ProposedAt:yyyy-MM-dd}\n\n")
            .Append("## Status\n\n")
            .Append(Status(adr, all, name)).Append("\n\n");
        if (adr.Supersedes is { } older) text.Append($"Supersedes {Link(older, all)}\n\n");
        if (adr.FundedBy is { } decision) text.Append($"Funded by decision {decision} in the decision log.\n\n");
        return text
            .Append("## Context\n\n").Append(adr.Context.Trim()).Append("\n\n")
            .Append("## Decision\n\n").Append(adr.Decision.Trim()).Append("\n\n")
            .Append("## Consequences\n\n").Append(adr.Consequences.Trim()).Append('\n')
            .ToString();
    }

    private static string Status(AdrData adr, IReadOnlyDictionary<string, AdrData> all, Func<string, string> name) =>
        adr.SupersededBy is { } newer ? $"Superseded by {Link(newer, all)}"
        : adr.AcceptedAt is { } at ? $"Accepted ({name(adr.AcceptedBy!)}, {at:yyyy-MM-dd})"
        : $"Proposed ({name(adr.ProposedBy)})";

    private static string Link(string id, IReadOnlyDictionary<string, AdrData> all) =>
        all.TryGetValue(id, out var other) ? $"[{other.Number}. {other.Title}]({FileName(other)})" : id;

    /// <summary>Lower-case words joined by dashes, as adr-tools names its files; at most 60 characters, cut at a word.</summary>
    public static string Slug(string title)
    {
        var slug = NotWord().Replace(title.ToLowerInvariant(), "-").Trim('-');
        // The last dash within the first 61 characters ends the last whole word that fits in 60.
        if (slug.Length > 60) slug = slug[..61].LastIndexOf('-') is > 0 and var cut ? slug[..cut] : slug[..60];
        return slug.Length == 0 ? "decision" : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotWord();
}
