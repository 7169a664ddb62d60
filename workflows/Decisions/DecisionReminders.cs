using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Decisions;

/// <summary>
/// The decision log's clock: decisions from a readout are logged within 24 hours (its owner is
/// reminded then, and every 12 hours after, until as many as the readout took are in the log), and an
/// approved decision's milestones and revisit date remind its owner (and, for the revisit, its approver).
/// </summary>
public sealed class DecisionReminders(Store store) : IReminderHandler
{
    public const string ReadoutKind = "readout";
    public const string LoggingDue = "decision.logging-due";
    public const string MilestoneDue = "decision.milestone-due";
    public const string RevisitDue = "decision.revisit-due";
    public static readonly TimeSpan LogWithin = TimeSpan.FromHours(24);
    public static readonly TimeSpan RemindEvery = TimeSpan.FromHours(12);

    public IReadOnlyCollection<string> Kinds { get; } = [LoggingDue, MilestoneDue, RevisitDue];

    /// <summary>Starts the 24-hour clock for a readout taking <paramref name="expected"/> decisions, or, without a count, the decisions proposed now.</summary>
    public Task<ReadoutData> StartReadoutAsync(Actor actor, int? expected) => store.WriteAsync(async unit =>
    {
        var agenda = await ProposedAsync(unit);
        var count = expected ?? agenda.Count;
        if (count is < 1 or > 50)
            throw new RefusedException(RefusalKind.Invalid, expected is null
                ? "No decision is proposed, so say how many the readout is to take: `/readout start decisions:4` (1 to 50)."
                : "Say how many decisions the readout is to take: `/readout start decisions:4` (1 to 50).");
        return await OpenReadoutAsync(unit, actor, count, expected is null ? agenda : []);
    });

    /// <summary>The decisions waiting for their approver: a readout's agenda.</summary>
    public static async Task<IReadOnlyList<string>> ProposedAsync(UnitOfWork unit) =>
        (await unit.Aggregates.ListAsync<DecisionData>(Decision.Kind, [nameof(DecisionState.Proposed)])).Select(s => s.Body.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Opens a readout's logging clock. Its decisions count as logged when they are logged after it
    /// starts, or, for those on its <paramref name="agenda"/> (already proposed), once their approver has decided.
    /// </summary>
    public static async Task<ReadoutData> OpenReadoutAsync(UnitOfWork unit, Actor owner, int expected, IReadOnlyList<string> agenda)
    {
        var readout = new ReadoutData { Id = $"RO-{await unit.Counters.NextAsync(ReadoutKind)}", Owner = owner.Id, Expected = expected, Agenda = [.. agenda], StartedAt = unit.Now };
        await unit.Aggregates.InsertAsync(ReadoutKind, readout.Id, "open", readout);
        await unit.AuditAsync(readout.Id);
        await unit.Reminders.ScheduleAsync(new Reminder($"readout/{readout.Id}/logging", LoggingDue, readout.Id, unit.Now + LogWithin));
        return readout;
    }

    /// <summary>Sets an approved decision's milestone and revisit reminders, at 09:00 UTC on their dates.</summary>
    public static async Task ScheduleAsync(UnitOfWork unit, DecisionData decision)
    {
        foreach (var milestone in decision.Milestones.Where(m => At(m.Due) > unit.Now))
            await unit.Reminders.ScheduleAsync(new Reminder($"decision/{decision.Id}/milestone/{milestone.Name}", MilestoneDue, $"{decision.Id}/{milestone.Name}", At(milestone.Due)));
        if (decision.Revisit is { } revisit && At(revisit) > unit.Now)
            await unit.Reminders.ScheduleAsync(new Reminder($"decision/{decision.Id}/revisit", RevisitDue, decision.Id, At(revisit)));
    }

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        switch (reminder.Kind)
        {
            case LoggingDue:
                var stored = await unit.Aggregates.FindAsync<ReadoutData>(ReadoutKind, reminder.SubjectId);
                if (stored is null || stored.Body.LoggedAt is not null) return;
                var readout = stored.Body;
                var logged = (await unit.Aggregates.CreatedAsync<DecisionData>(Decision.Kind, readout.StartedAt, unit.Now.AddTicks(1))).Count;
                foreach (var onAgenda in readout.Agenda)
                    if ((await unit.Aggregates.FindAsync<DecisionData>(Decision.Kind, onAgenda))?.Body is { } decided && !decided.AwaitsApproval) logged++;
                if (logged >= readout.Expected)
                {
                    readout.LoggedAt = unit.Now;
                    await unit.Aggregates.UpdateAsync(ReadoutKind, readout.Id, "logged", readout, stored.Version);
                    return;
                }
                await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(readout.Owner),
                    $"{readout.Id}: {logged} of {readout.Expected} decisions from the readout are in the log; seed 003 wants them all within 24 hours. Log them with `/decision new`."));
                await unit.Reminders.ScheduleAsync(new Reminder(reminder.Key, LoggingDue, readout.Id, unit.Now + RemindEvery));
                return;
            case MilestoneDue:
                var (id, name) = (reminder.SubjectId.Split('/')[0], reminder.SubjectId.Split('/', 2)[1]);
                if (await Approved(unit, id) is { } withMilestone)
                    await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(withMilestone.Owner), $"Milestone {name} of {id} ({withMilestone.Title}) is due today.", new Subject(Decision.Kind, id)));
                return;
            default:
                if (await Approved(unit, reminder.SubjectId) is { } due)
                    foreach (var person in new[] { due.Owner, due.Approver }.OfType<string>().Distinct())
                        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(person), $"{due.Id} ({due.Verdict.ToString().ToUpperInvariant()} — {due.Title}) is due for its revisit today.", new Subject(Decision.Kind, due.Id)));
                return;
        }
    }

    private static async Task<DecisionData?> Approved(UnitOfWork unit, string id) =>
        (await unit.Aggregates.FindAsync<DecisionData>(Decision.Kind, id))?.Body is { } decision && decision.IsInForce ? decision : null;

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
