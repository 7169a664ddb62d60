namespace ExecOps.Workflows.Commands;

/// <summary>A top-level command (`/incident`) and its sub-commands: the source of every help text.</summary>
public sealed record CommandArea(string Name, string Summary, IReadOnlyList<CommandUsage> Verbs)
{
    /// <summary>Whether the command does something useful with no sub-command (`/scoreboard`), rather than showing its help.</summary>
    public bool RunsBare { get; init; }

    public CommandUsage? Find(string? verb) =>
        Verbs.FirstOrDefault(v => v.Verb.Equals(verb, StringComparison.OrdinalIgnoreCase));

    public string Help() =>
        $"*/{Name}*: {Summary}\n" + string.Join("\n", Verbs.Select(v => $"• `{v.Syntax}`: {v.Summary}"));

    public string Help(CommandUsage verb) => $"`{verb.Syntax}`\n{verb.Summary}";
}
