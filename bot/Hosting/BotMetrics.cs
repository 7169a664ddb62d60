using System.Diagnostics.Metrics;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using Quartz;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// What an operator watches on `/metrics`: HTTP requests by route, commits and the units in them, the
/// inbox's backlog and its age, the outbox's waiting and failed messages and how long deliveries take
/// per platform, the reminders pending and armed, and which replica holds which lease. The database figures are read before each scrape,
/// asynchronously, so that collecting never waits on the database (a collection that blocks leaves
/// the exporter answering empty).
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "ExecOps.Bot";

    /// <summary>Both meters the bot publishes: its own and the reminders' lateness.</summary>
    public static readonly string[] Meters = [MeterName, ReminderMetrics.MeterName];

    private readonly Store store;
    private readonly ISchedulerFactory schedulers;
    private readonly TimeProvider clock;
    private readonly Histogram<double> delivery;
    private readonly Histogram<double> requests;
    private volatile Figures figures = new(0, null, new OutboxCounts(0, 0, 0), 0, 0);

    private sealed record Figures(long Backlog, DateTimeOffset? OldestRequest, OutboxCounts Outbox, int RemindersPending, int RemindersArmed);

    /// <param name="services">Where the outbox dispatcher is found, to say whether this replica is the one delivering.</param>
    public BotMetrics(IMeterFactory meters, Store store, ISchedulerFactory schedulers, TimeProvider clock, Replica replica, IServiceProvider services)
    {
        (this.store, this.schedulers, this.clock) = (store, schedulers, clock);
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("execops.store.commits", () => store.Committed.Commits, "{transaction}", "Transactions committed (a group commit holds many units).");
        meter.CreateObservableCounter("execops.store.units", () => store.Committed.Units, "{unit}", "Units of work committed: each a change with its timeline, messages, reminders and audit row.");
        meter.CreateObservableGauge("execops.inbox.backlog", () => figures.Backlog, "{request}", "Requests acknowledged and not yet handled.");
        meter.CreateObservableGauge("execops.inbox.oldest_age", () => figures.OldestRequest is { } oldest ? (clock.GetUtcNow() - oldest).TotalSeconds : 0,
            "s", "How long the oldest unhandled request has waited.");
        meter.CreateObservableGauge("execops.outbox.pending", () => figures.Outbox.Pending, "{message}", "Messages waiting to be delivered, retries included.");
        meter.CreateObservableGauge("execops.outbox.failed", () => figures.Outbox.Failed, "{message}", "Messages given up on (parked).");
        meter.CreateObservableGauge("execops.reminders.pending", () => figures.RemindersPending, "{reminder}", "Reminders owed, as the database holds them.");
        meter.CreateObservableGauge("execops.reminders.armed", () => figures.RemindersArmed, "{reminder}", "Reminders armed in the scheduler, to compare with those pending.");
        meter.CreateObservableGauge("execops.replica.leases",
            () => new Measurement<int>(services.GetService<Notifications.OutboxDispatcher>()?.IsDelivering == true ? 1 : 0,
                new KeyValuePair<string, object?>("lease", Notifications.OutboxDispatcher.LeaseName), new KeyValuePair<string, object?>("replica", replica.Name)),
            "{lease}", "1 for each lease this replica holds (outbox: it is the one delivering), 0 for one another replica holds.");
        delivery = meter.CreateHistogram<double>("execops.outbox.delivery_latency", "s", "From a message's commit to its delivery, per platform.");
        requests = meter.CreateHistogram<double>("execops.http.request.duration", "s", "HTTP requests by route and status: their rate is the count's.");
    }

    /// <summary>Reads the database's figures for the scrape about to be collected.</summary>
    public async Task RefreshAsync(CancellationToken cancel)
    {
        var (backlog, oldest, outbox, pending) = await store.ReadAsync(async scope =>
        {
            var (count, first) = await scope.Inbox.BacklogAsync();
            return (count, first, await scope.Outbox.CountAsync(), await ReminderRows.CountPendingIn(scope));
        }, cancel);
        var armed = (await (await schedulers.GetScheduler(cancel)).GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(ReminderScheduler.Group), cancel)).Count;
        figures = new Figures(backlog, oldest, outbox, pending, armed);
    }

    /// <summary>
    /// Timed here rather than by ASP.NET Core's own meter, which every host in a process shares by name:
    /// the bot's figures are the bot's alone, wherever it is hosted.
    /// </summary>
    public void Answered(string route, int status, TimeSpan took) =>
        requests.Record(took.TotalSeconds, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));

    public void Delivered(string platform, TimeSpan latency) =>
        delivery.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("platform", platform));
}
