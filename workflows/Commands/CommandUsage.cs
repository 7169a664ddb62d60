namespace ExecOps.Workflows.Commands;

/// <summary>One sub-command: how to write it, what it does, and whether a stranger may use it.</summary>
public sealed record CommandUsage(string Verb, string Syntax, string Summary, bool ReadOnly = false);
