namespace ExecOps.Workflows.Commands;

/// <summary>
/// A command as typed, split into words, key:value options and @mentions.
/// The same grammar serves every platform; adapters only strip their own markup first.
/// </summary>
public sealed record CommandLine(
    string Name,
    IReadOnlyList<string> Words,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<string> Mentions,
    string Text)
{
    /// <summary>The first word after the command name, lower-cased: the sub-command.</summary>
    public string? Verb => Words.Count > 0 ? Words[0].ToLowerInvariant() : null;

    /// <summary>The words after the sub-command.</summary>
    public IReadOnlyList<string> Arguments => Words.Count > 1 ? Words.Skip(1).ToList() : [];

    public string? Option(string key) => Options.TryGetValue(key, out var value) ? value : null;

    /// <summary>The lines after the command itself, as typed (a CSV, a YAML log); null when there are none.</summary>
    public string? Body { get; init; }

    public bool AsksForHelp =>
        Words.Count > 0 && Words[^1].Equals("help", StringComparison.OrdinalIgnoreCase);
}
