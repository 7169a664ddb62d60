using System.Text;
using System.Text.RegularExpressions;

namespace ExecOps.Workflows.Commands;

/// <summary>
/// Turns typed text into a <see cref="CommandLine"/>. Chat clients replace straight quotes with
/// curly ones as people type, so both count as quotes. The first line break outside quotes ends the
/// command; what follows is its body (CSV, YAML), passed on as typed and never read as options.
/// </summary>
public static partial class CommandParser
{
    public const int MaxLength = 4000;

    public static CommandLine Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            throw new CommandSyntaxException("The command is empty. Type `/help` to see what the bot can do.");
        if (trimmed.Length > MaxLength)
            throw new CommandSyntaxException($"The command is {trimmed.Length} characters long; the limit is {MaxLength}.");

        var end = CommandEnd(trimmed);
        var body = end < trimmed.Length ? trimmed[(end + 1)..].Trim('\r', '\n') : null;
        var tokens = Tokenize(trimmed[..end]);
        var name = tokens[0].Value.TrimStart('/').ToLowerInvariant();
        if (tokens[0].Quoted || !CommandName().IsMatch(name))
            throw new CommandSyntaxException($"`{tokens[0].Value}` is not a command name. Commands look like `/incident declare ...`; type `/help` for the list.");

        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var mentions = new List<string>();
        foreach (var token in tokens.Skip(1))
        {
            if (token.OptionKey is { } key)
            {
                if (!options.TryAdd(key, token.Value))
                    throw new CommandSyntaxException($"The option `{key}:` is given twice; give it once.");
            }
            else if (!token.Quoted && token.Value.Length > 1 && token.Value[0] == '@')
                mentions.Add(token.Value[1..]);
            else
                words.Add(token.Value);
        }
        return new CommandLine(name, words, options, mentions, trimmed) { Body = string.IsNullOrWhiteSpace(body) ? null : body };
    }

    private static int CommandEnd(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (!quoted && IsOpeningQuote(text[i])) quoted = true;
            else if (quoted && IsClosingQuote(text[i])) quoted = false;
            else if (!quoted && text[i] == '\n') return i;
        }
        return text.Length;
    }

    private sealed record Token(string Value, bool Quoted, string? OptionKey);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsOpeningQuote(text[i]) && text[i] != ':') i++;
            string? key = null;
            if (i < text.Length && text[i] == ':' && OptionKey().IsMatch(text[start..i]) && !FollowedBySlashes(text, i))
            {
                key = text[start..i].ToLowerInvariant();
                i++;
                start = i;
            }
            else
            {
                i = start;
            }

            if (i < text.Length && IsOpeningQuote(text[i]))
            {
                tokens.Add(new Token(ReadQuoted(text, ref i), true, key));
                continue;
            }
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            var value = text[start..i];
            if (key is not null && value.Length == 0)
                throw new CommandSyntaxException($"The option `{key}:` has no value. Write it as `{key}:value`, or `{key}:\"a value with spaces\"`.");
            tokens.Add(new Token(value, false, key));
        }
        return tokens;
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var opened = i;
        i++;
        var value = new StringBuilder();
        while (i < text.Length && !IsClosingQuote(text[i]))
        {
            if (text[i] == '\\' && i + 1 < text.Length && (IsClosingQuote(text[i + 1]) || text[i + 1] == '\\'))
                i++;
            value.Append(text[i]);
            i++;
        }
        if (i >= text.Length)
            throw new CommandSyntaxException($"The quote opened at character {opened + 1} is never closed. Close it with a matching \".");
        i++;
        return value.ToString();
    }

    private static bool FollowedBySlashes(string text, int colon) =>
        colon + 2 < text.Length && text[colon + 1] == '/' && text[colon + 2] == '/';

    private static bool IsOpeningQuote(char c) => c is '"' or '\u201C' or '\u201E';
    private static bool IsClosingQuote(char c) => c is '"' or '\u201D' or '\u201C';

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex OptionKey();
}
