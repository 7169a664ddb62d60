using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Kernel;

/// <summary>
/// What every aggregate shares: its stored data and the version it was read at, and what its change
/// wants stored with it (timeline entries, messages, reminders set and cancelled, follow-up tasks),
/// which <see cref="AggregateKernel.SaveAsync{TData}"/> writes in the same unit of work.
/// </summary>
public abstract class Aggregate<TData>(TData data, long version)
{
    private readonly List<TimelineNote> events = [];
    private readonly List<Notification> outgoing = [];
    private readonly List<Reminder> scheduled = [];
    private readonly List<string> cancelled = [];
    private readonly List<FollowUpRequest> followUps = [];

    public TData Data { get; } = data;
    public long Version { get; } = version;
    public abstract string Id { get; }

    /// <summary>The state as the row's state column keeps it, so lists can ask for rows by state.</summary>
    public abstract string StoredState { get; }

    public IReadOnlyList<TimelineNote> Events => events;
    public IReadOnlyList<Notification> Outgoing => outgoing;
    public IReadOnlyList<Reminder> Scheduled => scheduled;
    public IReadOnlyList<string> Cancelled => cancelled;

    /// <summary>Follow-up tasks this change calls for (an expired acceptance, a stale risk, missing commentary).</summary>
    public IReadOnlyList<FollowUpRequest> FollowUps => followUps;

    protected void Note(string actor, string kind, string text, DateTimeOffset at) => events.Add(new TimelineNote(actor, kind, text, at));
    protected void Send(Notification notification) => outgoing.Add(notification);
    protected void Schedule(Reminder reminder) => scheduled.Add(reminder);
    protected void Cancel(string key) => cancelled.Add(key);
    protected void Ask(FollowUpRequest followUp) => followUps.Add(followUp);
}
