using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Tasks;

/// <summary>What the tasks' reminders do: a task still open the morning after its due date is escalated; on the 1st, last month's trust ledger is posted.</summary>
public sealed class TaskReminders(PeopleDirectory people, TaskSettings settings) : IReminderHandler
{
    public const string LedgerDue = "tasks.trust-ledger";
    public const string LedgerKey = "rhythm/tasks/trust-ledger";

    public IReadOnlyCollection<string> Kinds { get; } = [FollowUps.DueKind, LedgerDue];

    public Task EnsureScheduledAsync(UnitOfWork unit) => unit.Reminders.EnsurePendingAsync(Next(unit.Now));

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        if (reminder.Kind == FollowUps.DueKind)
        {
            await FollowUps.MissedAsync(unit, reminder.SubjectId, people);
            return;
        }
        // The month before the one the post fell due in, even if the bot was down when it did.
        var due = DateOnly.FromDateTime(reminder.DueAt.UtcDateTime);
        var ledger = await TrustLedger.OfAsync(unit.Aggregates, new DateOnly(due.Year, due.Month, 1).AddMonths(-1));
        var lines = ledger.Lines(people.NameOf).ToList();
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(settings.LedgerChannel),
            $"Trust ledger {ledger.Month:yyyy-MM}: {ledger.Shipped.Count} improvement(s) shipped ({ledger.Hardening} hardening, {ledger.Deletions} deletion)." +
            (lines.Count == 0 ? " None this month." : "\n" + string.Join("\n", lines.Take(50).Select(l => "• " + l)))));
        await unit.Reminders.ScheduleAsync(Next(unit.Now));
    }

    private Reminder Next(DateTimeOffset after) => settings.LedgerSchedule()!.Next(LedgerKey, LedgerDue, "trust-ledger", after);
}
