using System.Net;
using System.Text.RegularExpressions;

namespace ExecOps.Bot.Teams;

/// <summary>
/// A Teams message as the person typed it: the bot's `&lt;at&gt;name&lt;/at&gt;` mention removed, other
/// mentions kept as plain names, HTML entities (Teams sends &amp;nbsp;) undone.
/// </summary>
public static partial class TeamsText
{
    public static string ToCommandText(string? text)
    {
        var plain = LeadingMention().Replace(text ?? "", "");
        plain = Mention().Replace(plain, m => "@" + m.Groups["name"].Value.Replace(' ', '.'));
        plain = WebUtility.HtmlDecode(Tags().Replace(plain, "")).Replace('\u00A0', ' ');
        return plain.Trim();
    }

    [GeneratedRegex("^\\s*(<at>[^<]*</at>\\s*)+")]
    private static partial Regex LeadingMention();

    [GeneratedRegex("<at>(?<name>[^<]*)</at>")]
    private static partial Regex Mention();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
