using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Changes;

/// <summary>Loads a change envelope, lets it act, and saves it with its history and messages in one transaction.</summary>
public sealed partial class ChangeService(Store store, ChangeSettings settings, OwnershipMap map, IncidentService incidents)
{
    public const string LinkKind = "change-link";

    public ChangeSettings Settings => settings;
    public OwnershipMap Map => map;

    public async Task<Change> CreateAsync(Actor actor, int tier, string service, string title, ChangeFields fields)
    {
        await using var unit = await store.BeginAsync();
        var number = await unit.Counters.NextAsync(Change.Kind);
        var change = Change.Create(number, tier, service, title, fields, actor, settings, map, unit.Now);
        var saved = await SaveAsync(unit, change);
        await unit.CommitAsync();
        return saved;
    }

    /// <summary>Runs <paramref name="act"/> on the change; a card pressed after it changed carries an old <paramref name="seenVersion"/> and is refused.</summary>
    public async Task<Change> ActAsync(string id, Action<Change> act, long? seenVersion = null)
    {
        await using var unit = await store.BeginAsync();
        var change = await LoadAsync(unit, id);
        change.EnsureSeen(seenVersion);
        act(change);
        var saved = await SaveAsync(unit, change);
        await unit.CommitAsync();
        return saved;
    }

    public Task<Change> GetAsync(string id) => store.ReadAsync(async scope =>
    {
        var stored = await scope.Aggregates.FindAsync<ChangeData>(Change.Kind, id.Trim()) ?? throw NotFound(id);
        return new Change(stored.Body, stored.Version, settings, map, scope.Now);
    });

    /// <summary>Tier 0/1 changes not yet finished, by window: the change calendar's one-way doors.</summary>
    public Task<IReadOnlyList<ChangeData>> CalendarAsync() => store.ReadAsync<IReadOnlyList<ChangeData>>(async scope =>
        (await scope.Aggregates.ListAsync<ChangeData>(Change.Kind, [nameof(ChangeState.PendingApproval), nameof(ChangeState.Approved), nameof(ChangeState.InProgress), nameof(ChangeState.Draft)]))
            .Select(s => s.Body).Where(c => c.Tier <= 1).OrderBy(c => c.WindowStart ?? DateTimeOffset.MaxValue).ThenBy(c => c.Number).ToList());

    /// <summary>
    /// A Sev1/2 on a service with a change in flight or finished within the window is proposed to its
    /// IC as linked to that change; only the IC confirms (seed §1: a change that triggered a Sev1/2 failed).
    /// </summary>
    public async Task ProposeLinksAsync(Incident incident)
    {
        if (incident.Data.Severity > Severity.Sev2 || incident.Data.Service is not { } service || incident.Data.Commander is not { } commander) return;
        await store.WriteAsync(async unit =>
        {
            var since = unit.Now - settings.IncidentLinkWindow;
            var suspects = (await unit.Aggregates.ListAsync<ChangeData>(Change.Kind)).Select(s => s.Body)
                .Where(c => c.Service.Equals(service, StringComparison.OrdinalIgnoreCase))
                .Where(c => c.IsRollingOut || c.FinishedAt >= since);
            foreach (var change in suspects)
            {
                // Asked once per pair, however often the severity changes.
                var asked = $"change-link/{change.Id}/{incident.Id}";
                if (await unit.Requests.FindAsync(asked) is not null) continue;
                await unit.Requests.RememberAsync(asked, "asked");
                await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(commander),
                    $"{incident.Id} ({incident.Data.Severity.Label()}) is on {change.Service}, where {change.Id} \"{change.Title}\" {(change.IsRollingOut ? "is rolling out" : "finished recently")}. Link them?",
                    new Subject(LinkKind, $"{change.Id}/{incident.Id}")));
            }
            return true;
        });
    }

    public async Task<Change> LinkAsync(Actor actor, string changeId, string incidentId)
    {
        var incident = await incidents.GetAsync(incidentId);
        if (incident.Data.Commander != actor.Id)
            throw new RefusedException(RefusalKind.Forbidden, $"Only {incident.Id}'s incident commander ({incident.Data.Commander}) confirms what caused it.", changeId);
        return await ActAsync(changeId, c => c.LinkIncident(actor, incident.Id));
    }

    /// <summary>Weekly delivery numbers, newest week last, for all changes or those of one service or team.</summary>
    public Task<IReadOnlyList<WeekStats>> StatsAsync(string? serviceOrTeam, int weeks) => store.ReadAsync<IReadOnlyList<WeekStats>>(async scope =>
    {
        var all = (await scope.Aggregates.ListAsync<ChangeData>(Change.Kind)).Select(s => s.Body).Where(c => Covers(c, serviceOrTeam)).ToList();
        var now = IsoWeek.Of(scope.Now);
        return Enumerable.Range(0, weeks).Select(i => ChangeStats.For(all, now.Minus(weeks - 1 - i))).ToList();
    });

    public bool Knows(string serviceOrTeam) =>
        map.Find(serviceOrTeam) is not null || map.FindTeam(serviceOrTeam) is not null;

    private bool Covers(ChangeData change, string? serviceOrTeam) => serviceOrTeam is null
        || change.Service.Equals(serviceOrTeam, StringComparison.OrdinalIgnoreCase)
        || (map.Find(change.Service)?.Team.Equals(serviceOrTeam, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>
    /// A finished change moves the scoreboard's Change Failure Rate and Velocity (lead time): the
    /// week's numbers for the company and the service are written as observations in the same transaction.
    /// </summary>
    private async Task FeedScoreboardAsync(UnitOfWork unit, ChangeData changed)
    {
        if (changed.FinishedAt is not { } finished) return;
        var week = IsoWeek.Of(finished);
        var all = (await unit.Aggregates.ListAsync<ChangeData>(Change.Kind)).Select(s => s.Body).Select(c => c.Id == changed.Id ? changed : c).ToList();
        var at = week.End <= unit.Now ? week.End.AddSeconds(-1) : unit.Now;
        var observations = new List<Observation>();
        foreach (var slice in new[] { Slice.Company, new Slice(Service: changed.Service.ToLowerInvariant()) })
        {
            var stats = ChangeStats.For(slice.IsCompany ? all : all.Where(c => c.Service == changed.Service).ToList(), week);
            if (stats.FailureRate is { } rate) observations.Add(new Observation("change-failure-rate", at, rate, slice));
            if (stats.MedianLeadTime is { } lead) observations.Add(new Observation("lead-time", at, Math.Round((decimal)lead.TotalHours, 1), slice));
        }
        await unit.Observations.StoreAsync(observations);
    }

    private async Task<Change> LoadAsync(UnitOfWork unit, string id)
    {
        var stored = await unit.Aggregates.FindAsync<ChangeData>(Change.Kind, id.Trim()) ?? throw NotFound(id);
        return new Change(stored.Body, stored.Version, settings, map, unit.Now);
    }

    private static RefusedException NotFound(string id) => new(RefusalKind.NotFound, $"There is no change called `{id}`; `/change calendar` lists the open Tier 0/1 ones.", id);

    private async Task<Change> SaveAsync(UnitOfWork unit, Change change)
    {
        var version = await unit.SaveAsync(Change.Kind, change);
        await FeedScoreboardAsync(unit, change.Data);
        if (change.Released is { } at)
            await unit.Markers.AddReleaseAsync(new ReleaseMarker(at, change.Data.Service, $"{change.Id} {change.Data.Title}", "change"));
        return new Change(change.Data, version, settings, map, unit.Now);
    }
}
