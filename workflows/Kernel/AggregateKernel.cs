using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Kernel;

/// <summary>
/// The one way an area stores what its aggregate did: the row at the version it was read, its timeline,
/// outbox, reminders and follow-ups, and the audit row of the person acting, all in the caller's unit of work.
/// </summary>
public static class AggregateKernel
{
    /// <summary>Refuses a card pressed on an older version than the one stored: nothing is done to a state its reader never saw.</summary>
    public static void EnsureSeen<TData>(this Aggregate<TData> aggregate, long? seenVersion)
    {
        if (seenVersion is { } seen && seen != aggregate.Version)
            throw new RefusedException(RefusalKind.Conflict,
                $"{aggregate.Id} changed since that card was shown (it is now {Refusals.Words(aggregate.StoredState)}). Nothing was done; here is the current card.", aggregate.Id);
    }

    /// <returns>The version the row now has.</returns>
    public static async Task<long> SaveAsync<TData>(this UnitOfWork unit, string kind, Aggregate<TData> aggregate)
    {
        await unit.ClaimRequestAsync();
        var version = await unit.Aggregates.SaveAsync(kind, aggregate.Id, aggregate.StoredState, aggregate.Data, aggregate.Version);
        foreach (var note in aggregate.Events) await unit.Timeline.AppendAsync(aggregate.Id, note.Actor, note.Kind, note.Text, note.At);
        foreach (var notification in aggregate.Outgoing) await unit.Outbox.EnqueueAsync(notification);
        foreach (var key in aggregate.Cancelled) await unit.Reminders.CancelAsync(key);
        foreach (var reminder in aggregate.Scheduled) await unit.Reminders.ScheduleAsync(reminder);
        foreach (var followUp in aggregate.FollowUps) await FollowUps.CreateAsync(unit, followUp);
        await unit.AuditAsync(aggregate.Id);
        return version;
    }

    /// <summary>
    /// The request's allowed audit row about <paramref name="subject"/>, in this unit of work: for records
    /// kept without an aggregate (a saved view, a drill, a report draft). Outside a request (a reminder) it writes nothing.
    /// </summary>
    public static async Task AuditAsync(this UnitOfWork unit, string subject)
    {
        await unit.ClaimRequestAsync();
        // A workflow that writes its own, more detailed row (break glass) has already made the record.
        if (AuditScope.Current is { } audit) await audit.RecordAsync(unit, subject, unit.Audit.Covers(subject));
    }

    /// <summary>A redelivered request finds its id claimed by the first delivery's change and is refused before it changes anything.</summary>
    /// <remarks>Called by the kernel before every change; a write that is not an aggregate's (a release marker) calls it too.</remarks>
    public static async Task ClaimRequestAsync(this UnitOfWork unit)
    {
        if (RequestScope.Current is not { Claimed: false } request) return;
        if (!await unit.Requests.TryClaimAsync(request.Key))
        {
            request.MarkDuplicate();
            throw new RefusedException(RefusalKind.Conflict, "That request was already handled; nothing was done again.");
        }
        request.MarkClaimed();
        // One transaction for the request: its inbox row, handled, commits with its change.
        if (request.Unkept is { } entry) await unit.Inbox.KeepHandledAsync(entry.Source, entry.Key, entry.Payload);
    }
}
