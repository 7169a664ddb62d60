using ExecOps.Cards;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Bot.Conversation;

/// <summary>`/tasks`: the follow-ups the operating system opened for you (stale risks, expired acceptances).</summary>
public sealed class TasksArea(FollowUps followUps) : IChatArea
{
    public CommandArea Area { get; } = new("tasks", "your follow-up tasks from the operating system",
    [
        new("", "/tasks", "Your open follow-up tasks.", ReadOnly: true),
        new("done", "/tasks done TASK-n", "Mark one of your tasks done."),
    ]) { RunsBare = true };

    public bool IsReadOnly(CommandLine line) => line.Verb != "done";

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        if (line.Verb == "done")
        {
            var task = await followUps.DoneAsync(actor, line.Arguments.FirstOrDefault()
                ?? throw new RefusedException(RefusalKind.Invalid, "Which task? `/tasks done TASK-3`; `/tasks` lists yours."));
            return [Reply.Private($"{task.Id} done: {task.Text}")];
        }
        if (line.Verb is not null) throw new RefusedException(RefusalKind.Invalid, $"`/tasks {line.Verb}` is not a tasks command.\n{Area.Help()}");
        var open = await followUps.OpenForAsync(actor.Id);
        return [Reply.Private(open.Count == 0 ? "You have no open tasks." : "Your open tasks:\n" + string.Join("\n", open.Select(t => $"• {t.Id} ({t.CreatedAt:yyyy-MM-dd}): {t.Text}")))];
    }
}
