using System.Text.RegularExpressions;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Turns Slack's message markup back into what the person typed: `&lt;@U123|bob&gt;` becomes `@U123`,
/// channel and link markup become their names or URLs, and the entity escapes are undone. The bot's
/// own mention at the start of an app_mention is dropped.
/// </summary>
public static partial class SlackText
{
    public static string ToCommandText(string text, string? botUserId = null)
    {
        var plain = UserMention().Replace(text, m => botUserId is not null && m.Groups["id"].Value == botUserId ? "" : "@" + m.Groups["id"].Value);
        plain = ChannelMention().Replace(plain, m => "#" + (m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["id"].Value));
        plain = Link().Replace(plain, m => m.Groups["url"].Value);
        plain = plain.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&").Trim();
        // A mention of the bot that was not recognised as ours still leaves an @id in front; commands never start with one.
        return LeadingMention().Replace(plain, "").Trim();
    }

    [GeneratedRegex("<@(?<id>[UW][A-Z0-9]+)(\\|[^>]*)?>")]
    private static partial Regex UserMention();

    [GeneratedRegex("<#(?<id>C[A-Z0-9]+)(\\|(?<name>[^>]*))?>")]
    private static partial Regex ChannelMention();

    [GeneratedRegex("<(?<url>(https?|mailto):[^|>]+)(\\|[^>]*)?>")]
    private static partial Regex Link();

    [GeneratedRegex("^(@[UW][A-Z0-9]+\\s*)+(?=[/a-zA-Z])")]
    private static partial Regex LeadingMention();
}
