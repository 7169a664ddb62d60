using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Tasks;

/// <summary>
/// Stores follow-up tasks inside the unit of work that asked for them, tells their owner, and sends
/// each one as a ticket to the outbound webhook (when one is configured, the webhook port takes it).
/// </summary>
public sealed class FollowUps(Store store, PeopleDirectory people)
{
    public static readonly Recipient Tickets = Recipient.Webhook("tickets");
    public const string DueKind = "task.due";

    /// <summary>A task is due at the end of its day: the reminder comes the next morning, 09:00 UTC, if it is still open.</summary>
    public static DateTimeOffset DueAt(DateOnly due) => new(due.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    /// <returns>The task opened, or null when its reason had opened one before.</returns>
    public static async Task<FollowUp?> CreateAsync(UnitOfWork unit, FollowUpRequest request)
    {
        var reason = "task/" + request.Key;
        if (await unit.Requests.FindAsync(reason) is not null) return null;
        var task = new FollowUp
        {
            Id = $"TASK-{await unit.Counters.NextAsync(FollowUp.Kind)}", Key = request.Key, Owner = request.Owner, Text = request.Text, About = request.About, CreatedAt = unit.Now,
            Due = request.Due, Team = request.Team, Shipment = request.Shipment,
        };
        if (task.Due is { } due) await unit.Reminders.ScheduleAsync(new Reminder($"task/{task.Id}/due", DueKind, task.Id, DueAt(due)));
        await unit.Aggregates.InsertAsync(FollowUp.Kind, task.Id, task.State.ToString(), task);
        await unit.Requests.RememberAsync(reason, task.Id);
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(task.Owner), $"New task {task.Id}: {task.Text}{(task.Due is { } by ? $" Due {by:yyyy-MM-dd}." : "")} (`/tasks` lists yours)."));
        await unit.Outbox.EnqueueAsync(new Notification(Tickets, $"{task.Id} for {task.Owner}: {task.Text}", new Subject(FollowUp.Kind, task.Id)));
        return task;
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
        await unit.Reminders.CancelAsync($"task/{task.Id}/due");
        await unit.AuditAsync(task.Id);
        await unit.CommitAsync();
        return task;
    }

    /// <summary>A task someone opens by hand for a person in the directory; it is told to its owner and becomes a ticket like any other.</summary>
    public async Task<FollowUp> AddAsync(Actor actor, string what, string owner, DateOnly? due)
    {
        if (!actor.IsKnown)
            throw new RefusedException(RefusalKind.Forbidden, "Only people in the directory open tasks for others; ask an admin to add you (`/people` lists who is in it).");
        var person = people.Require(owner);
        await using var unit = await store.BeginAsync();
        await unit.ClaimRequestAsync();
        if (due is { } by) Bounds.Ahead(by, DateOnly.FromDateTime(unit.Now.UtcDateTime), "due");
        var key = $"added/{RequestScope.Current?.Key ?? Guid.NewGuid().ToString("N")}";
        var task = await CreateAsync(unit, new FollowUpRequest(key, person.Id, Bounds.Text(what, "The task", Bounds.Title), $"added by {actor.Name}", due))
            ?? throw new RefusedException(RefusalKind.NotAllowedNow, "This request opened its task already; `/tasks` lists it.");
        await unit.AuditAsync(task.Id);
        await unit.CommitAsync();
        return task;
    }

    public Task<FollowUp?> FindAsync(string id) => store.ReadAsync(async scope => (await scope.Aggregates.FindAsync<FollowUp>(FollowUp.Kind, id))?.Body);

    /// <summary>The tracker opened the task's ticket: its key is kept, so `/tasks` shows it and a retry opens no second one.</summary>
    public Task TicketOpenedAsync(string id, string ticket, string? url) => store.WriteAsync(async unit =>
    {
        if (await unit.Aggregates.FindAsync<FollowUp>(FollowUp.Kind, id) is not { } stored || stored.Body.Ticket is not null) return false;
        stored.Body.Ticket = ticket;
        stored.Body.TicketUrl = url;
        await unit.Aggregates.UpdateAsync(FollowUp.Kind, id, stored.Body.State.ToString(), stored.Body, stored.Version);
        return true;
    });

    /// <summary>The tracker refused the task's ticket for good: its owner hears why, so the task is not thought tracked there.</summary>
    public Task TicketRefusedAsync(string id, string tracker, string reason) => store.WriteAsync(async unit =>
    {
        if (await unit.Aggregates.FindAsync<FollowUp>(FollowUp.Kind, id) is not { } stored) return false;
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(stored.Body.Owner),
            $"{id} could not be opened in {tracker}: {reason}. It is still your task here (`/tasks`); an admin fixes the {tracker} settings and the ticket is not retried."));
        return true;
    });

    /// <summary>A hardening or a deletion shipped outside any postmortem, recorded done at once with its evidence, for the trust ledger.</summary>
    public async Task<FollowUp> ShipAsync(Actor actor, string what, Shipment kind, string evidence)
    {
        await using var unit = await store.BeginAsync();
        await unit.ClaimRequestAsync();
        var task = new FollowUp
        {
            Id = $"TASK-{await unit.Counters.NextAsync(FollowUp.Kind)}", Key = $"shipped/{Guid.NewGuid():N}", Owner = actor.Id, Text = what, About = "shipped",
            CreatedAt = unit.Now, DoneAt = unit.Now, Shipment = kind, Evidence = evidence,
        };
        FollowUpMachine.For(task).Fire(FollowUpTrigger.Finish);
        await unit.Aggregates.InsertAsync(FollowUp.Kind, task.Id, task.State.ToString(), task);
        await unit.AuditAsync(task.Id);
        await unit.CommitAsync();
        return task;
    }

    /// <summary>Its day passed with the task still open: the owner hears, and so does whom they report to, once.</summary>
    public static async Task MissedAsync(UnitOfWork unit, string id, PeopleDirectory people)
    {
        if (await unit.Aggregates.FindAsync<FollowUp>(FollowUp.Kind, id) is not { } stored || !FollowUpMachine.For(stored.Body).CanFire(FollowUpTrigger.Finish) || stored.Body.Escalated) return;
        var task = stored.Body;
        task.Escalated = true;
        await unit.Aggregates.UpdateAsync(FollowUp.Kind, task.Id, task.State.ToString(), task, stored.Version);
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(task.Owner), $"{task.Id} was due {task.Due:yyyy-MM-dd} and is still open: {task.Text}. Finish it with `/tasks done {task.Id}`."));
        if (people.Find(task.Owner)?.ReportsTo is { } manager)
            await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(manager), $"{task.Id}, {people.NameOf(task.Owner)}'s, was due {task.Due:yyyy-MM-dd} and is still open: {task.Text}."));
    }
}
