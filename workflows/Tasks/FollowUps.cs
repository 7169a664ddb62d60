using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Tasks;

/// <summary>
/// Stores follow-up tasks inside the unit of work that asked for them, tells their owner, and sends
/// each one as a ticket to the outbound webhook (when one is configured, the webhook port takes it).
/// </summary>
public sealed class FollowUps(Store store)
{
    public static readonly Recipient Tickets = Recipient.Webhook("tickets");

    public static async Task CreateAsync(UnitOfWork unit, FollowUpRequest request)
    {
        var reason = "task/" + request.Key;
        if (await unit.Requests.FindAsync(reason) is not null) return;
        var task = new FollowUp
        {
            Id = $"TASK-{await unit.Counters.NextAsync(FollowUp.Kind)}", Key = request.Key, Owner = request.Owner, Text = request.Text, About = request.About, CreatedAt = unit.Now,
        };
        await unit.Aggregates.InsertAsync(FollowUp.Kind, task.Id, task.State.ToString(), task);
        await unit.Requests.RememberAsync(reason, task.Id);
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(task.Owner), $"New task {task.Id}: {task.Text} (`/tasks` lists yours)."));
        await unit.Outbox.EnqueueAsync(new Notification(Tickets, $"{task.Id} for {task.Owner}: {task.Text}", new Subject(FollowUp.Kind, task.Id)));
    }

    public Task<IReadOnlyList<FollowUp>> OpenForAsync(string owner) => store.ReadAsync<IReadOnlyList<FollowUp>>(async scope =>
        (await scope.Aggregates.ListAsync<FollowUp>(FollowUp.Kind, [nameof(FollowUpState.Open)])).Select(s => s.Body).Where(t => t.Owner == owner).ToList());

    public async Task<FollowUp> DoneAsync(Actor actor, string id)
    {
        await using var unit = await store.BeginAsync();
        var stored = await unit.Aggregates.FindAsync<FollowUp>(FollowUp.Kind, id.Trim())
            ?? throw new RefusedException(RefusalKind.NotFound, $"There is no task called `{id}`; `/tasks` lists yours.", id);
        var task = stored.Body;
        if (task.Owner != actor.Id) throw new RefusedException(RefusalKind.Forbidden, $"{task.Id} is {task.Owner}'s task, not yours.", task.Id);
        var machine = FollowUpMachine.For(task);
        if (!machine.CanFire(FollowUpTrigger.Finish)) throw new RefusedException(RefusalKind.NotAllowedNow, $"{task.Id} was already done on {task.DoneAt:yyyy-MM-dd}.", task.Id);
        machine.Fire(FollowUpTrigger.Finish);
        task.DoneAt = unit.Now;
        await unit.Aggregates.UpdateAsync(FollowUp.Kind, task.Id, task.State.ToString(), task, stored.Version);
        await unit.AuditAsync(task.Id);
        await unit.CommitAsync();
        return task;
    }
}
