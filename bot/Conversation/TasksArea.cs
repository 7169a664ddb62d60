using ExecOps.Cards;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Bot.Conversation;

/// <summary>`/tasks`: the follow-ups the operating system opened for you (stale risks, expired acceptances), as a typed request to them.</summary>
public sealed class TasksArea(FollowUps followUps) : IChatArea
{
    public CommandArea Area => TaskCommands.Area;

    public bool IsReadOnly(CommandLine line) => TaskCommands.IsReadOnly(line.Verb);

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => [Reply.Private(TaskCommands.Parse(line) switch
    {
        FinishTask f => Done(await followUps.DoneAsync(actor, f.TaskId)),
        _ => Open(await followUps.OpenForAsync(actor.Id)),
    })];

    private static string Done(FollowUp task) => $"{task.Id} done: {task.Text}";

    private static string Open(IReadOnlyList<FollowUp> open) => open.Count == 0 ? "You have no open tasks."
        : "Your open tasks:\n" + string.Join("\n", open.Select(t => $"• {t.Id} ({t.CreatedAt:yyyy-MM-dd}): {t.Text}"));
}
