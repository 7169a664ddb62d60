using ExecOps.Cards;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Bot.Conversation;

/// <summary>`/tasks`: the follow-ups the operating system opened for you, and the trust ledger of what shipped, as typed requests to them.</summary>
public sealed class TasksArea(FollowUps followUps, Store store, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    public CommandArea Area => TaskCommands.Area;

    public bool IsReadOnly(CommandLine line) => TaskCommands.IsReadOnly(line.Verb);

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => [Reply.Private(TaskCommands.Parse(line, clock.GetUtcNow()) switch
    {
        FinishTask f => Done(await followUps.DoneAsync(actor, f.TaskId)),
        ShowTrustLedger l => Ledger(await store.ReadAsync(scope => TrustLedger.OfAsync(scope.Aggregates, l.Month))),
        RecordShipment s => Shipped(await followUps.ShipAsync(actor, s.What, s.Kind, s.Evidence)),
        AddTask a => Added(await followUps.AddAsync(actor, a.What, a.Owner, a.Due)),
        _ => Open(await followUps.OpenForAsync(actor.Id)),
    })];

    private static string Done(FollowUp task) => $"{task.Id} done: {task.Text}" + (task.Shipment is null ? "" : " It goes into this month's trust ledger.");

    private string Added(FollowUp task) =>
        $"Opened {task.Id} for {people.NameOf(task.Owner)}: {task.Text}{(task.Due is { } due ? $" Due {due:yyyy-MM-dd}." : "")} They are told; it becomes a ticket where a tracker is configured.";

    private static string Shipped(FollowUp task) => $"Recorded {task.Id}: {task.Text} ({task.Evidence}). It goes into this month's trust ledger.";

    private string Ledger(TrustLedger ledger) =>
        $"Trust ledger {ledger.Month:yyyy-MM}: {ledger.Shipped.Count} improvement(s) shipped ({ledger.Hardening} hardening, {ledger.Deletions} deletion)." +
        string.Concat(ledger.Lines(people.NameOf).Take(50).Select(l => "\n• " + l));

    private static string Open(IReadOnlyList<FollowUp> open) => open.Count == 0 ? "You have no open tasks."
        : "Your open tasks:\n" + string.Join("\n", open.Select(t => $"• {t.Id} ({t.CreatedAt:yyyy-MM-dd}{(t.Due is { } due ? $", due {due:yyyy-MM-dd}" : "")}): {t.Text}{Ticket(t)}"));

    private static string Ticket(FollowUp task) => task.Ticket is null ? "" : task.TicketUrl is { } url ? $" · {task.Ticket} ({url})" : $" · {task.Ticket}";
}
