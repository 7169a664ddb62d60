using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Changes;

/// <summary>One rehearsal of a service's rollback.</summary>
public sealed record DrillResult(DateTimeOffset At, string By, bool Passed, TimeSpan TimeToRollBack, string Notes);

/// <summary>The stored drill history of one service.</summary>
public sealed class DrillHistory
{
    public string Service { get; set; } = "";
    public List<DrillResult> Results { get; set; } = [];
}

/// <summary>
/// Quarterly rollback drills for every Tier 0/1 service (seed §12): the owner is reminded when one is
/// due, and weekly after that until a result is recorded; `/change drill overdue` lists the services behind.
/// </summary>
public sealed class Drills(Store store, ChangeSettings settings, OwnershipMap map)
{
    public const string Kind = "drill";
    public const string Due = "drill.due";

    public IEnumerable<string> DrilledServices => map.Entries.Where(e => e.Kind == OwnedKind.Service && e.IsCritical).Select(e => e.Id).Order();

    public async Task EnsureScheduledAsync(UnitOfWork unit)
    {
        foreach (var service in DrilledServices)
            if (await unit.Reminders.FindPendingAsync(Key(service)) is null)
            {
                var last = (await unit.Aggregates.FindAsync<DrillHistory>(Kind, service))?.Body.Results.LastOrDefault()?.At;
                await unit.Reminders.ScheduleAsync(new Reminder(Key(service), Due, service, (last ?? unit.Now) + settings.DrillEvery));
            }
    }

    public async Task<DrillResult> RecordAsync(Actor actor, string service, bool passed, TimeSpan timeToRollBack, string notes)
    {
        var name = DrilledServices.FirstOrDefault(s => s.Equals(service, StringComparison.OrdinalIgnoreCase))
            ?? throw new RefusedException(RefusalKind.NotFound, $"service:{service} is not a Tier 0/1 service; drills are for {string.Join(", ", DrilledServices)}.");
        await using var unit = await store.BeginAsync();
        var stored = await unit.Aggregates.FindAsync<DrillHistory>(Kind, name);
        var history = stored?.Body ?? new DrillHistory { Service = name };
        var result = new DrillResult(unit.Now, actor.Id, passed, timeToRollBack, notes.Trim());
        history.Results.Add(result);
        await unit.Aggregates.SaveAsync(Kind, name, "drilled", history, stored?.Version ?? 0);
        await unit.AuditAsync(name);
        await unit.Reminders.ScheduleAsync(new Reminder(Key(name), Due, name, unit.Now + settings.DrillEvery));
        if (!passed)
            await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(map.ChannelOf(map.Find(name)!)),
                $"The rollback drill of {name} failed ({timeToRollBack.TotalMinutes:0} min): {result.Notes}"));
        await unit.CommitAsync();
        return result;
    }

    /// <summary>Tier 0/1 services with no drill, or none within the quarter, and when each last drilled.</summary>
    public Task<IReadOnlyList<(string Service, DrillResult? Last)>> OverdueAsync() => store.ReadAsync<IReadOnlyList<(string, DrillResult?)>>(async scope =>
    {
        var overdue = new List<(string, DrillResult?)>();
        foreach (var service in DrilledServices)
        {
            var last = (await scope.Aggregates.FindAsync<DrillHistory>(Kind, service))?.Body.Results.LastOrDefault();
            if (last is null || last.At + settings.DrillEvery < scope.Now) overdue.Add((service, last));
        }
        return overdue;
    });

    /// <summary>The drill fell due: the owner hears, and again in a week if nothing is recorded.</summary>
    public async Task RemindAsync(UnitOfWork unit, string service)
    {
        var owner = map.Find(service) is { } entry ? map.AnswersFor(entry) : null;
        if (string.IsNullOrEmpty(owner)) return;
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(owner),
            $"The quarterly rollback drill of {service} is due. Run it, then `/change drill record service:{service} result:passed|failed time:<minutes>m notes:\"…\"`."));
        await unit.Reminders.ScheduleAsync(new Reminder(Key(service), Due, service, unit.Now.AddDays(7)));
    }

    private static string Key(string service) => $"drill/{service}";
}
