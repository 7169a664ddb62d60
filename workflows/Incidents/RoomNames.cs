using System.Text;

namespace ExecOps.Workflows.Incidents;

/// <summary>
/// The name of an incident's own channel: `inc-42-checkout-5xx`. Lower-case letters, digits and
/// hyphens only, at most 80 characters: the strictest channel-name rules among the chat platforms, so the
/// same name works everywhere.
/// </summary>
public static class RoomNames
{
    public const int MaxLength = 80;

    public static string For(long number, string title)
    {
        var prefix = $"inc-{number}";
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        var room = text.Length == 0 ? prefix : $"{prefix}-{text}";
        return room.Length <= MaxLength ? room : room[..MaxLength].TrimEnd('-');
    }
}
