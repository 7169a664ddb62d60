namespace ExecOps.Workflows.Commands;

/// <summary>What was wrong with what the person typed, in words they can act on.</summary>
public sealed class CommandSyntaxException(string message) : Exception(message);
