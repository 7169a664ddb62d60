using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Tasks;

/// <summary>What a person asked of their follow-up tasks, parsed from the command grammar.</summary>
public abstract record TaskRequest;

public sealed record ListMyTasks : TaskRequest;
public sealed record FinishTask(string TaskId) : TaskRequest;

/// <summary>The `/tasks` grammar: its help text, and the parse from words to a typed request.</summary>
public static class TaskCommands
{
    public static readonly CommandArea Area = new("tasks", "your follow-up tasks from the operating system",
    [
        new("", "/tasks", "Your open follow-up tasks.", ReadOnly: true),
        new("done", "/tasks done TASK-n", "Mark one of your tasks done."),
    ]) { RunsBare = true };

    public static bool IsReadOnly(string? verb) => verb != "done";

    public static TaskRequest Parse(CommandLine line) => line.Verb switch
    {
        null => new ListMyTasks(),
        "done" => new FinishTask(line.Arguments.FirstOrDefault() ?? throw new RefusedException(RefusalKind.Invalid, "Which task? `/tasks done TASK-3`; `/tasks` lists yours.")),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/tasks {line.Verb}` is not a tasks command.\n{Area.Help()}"),
    };
}
