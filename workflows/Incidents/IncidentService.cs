using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Incidents;

/// <summary>Loads an incident, lets it act, and saves it with its timeline, outbox rows and reminders in one transaction.</summary>
public sealed partial class IncidentService(Store store, IncidentSettings settings, INoticeObligations obligations, PeopleDirectory people, OwnershipMap map)
{
    public const string UpdateDue = "incident.update-due";
    public const string PostmortemDue = "incident.postmortem-due";

    public async Task<Incident> DeclareAsync(Actor actor, Severity severity, string title, string? service, string? impact)
    {
        IncidentPolicy.EnsureCanDeclare(actor);
        await using var unit = await store.BeginAsync();
        var number = await unit.Counters.NextAsync(Incident.Kind);
        var entry = map.Find(service);
        var incident = Incident.Declare(number, title, severity, entry?.Id ?? service, impact, actor, settings, unit.Now);
        if (OnCallFor(entry?.Id) is { } owners) incident.Page(owners);
        await StartNoticesAsync(unit, incident);
        var saved = await SaveAsync(unit, incident);
        await unit.CommitAsync();
        return saved;
    }

    /// <summary>
    /// Runs <paramref name="act"/> on the incident named by <paramref name="id"/>, or on the one the
    /// actor most plausibly means. A card pressed after someone else changed the incident carries an
    /// old <paramref name="seenVersion"/> and is refused rather than applied to a state its reader never saw.
    /// </summary>
    public async Task<Incident> ActAsync(Actor actor, string? id, Action<Incident> act, long? seenVersion = null)
    {
        await using var unit = await store.BeginAsync();
        var incident = await TargetAsync(unit, actor, id);
        incident.EnsureSeen(seenVersion);
        var severity = incident.Data.Severity;
        act(incident);
        if (incident.Data.Severity < severity) await StartNoticesAsync(unit, incident);
        var saved = await SaveAsync(unit, incident);
        await unit.CommitAsync();
        return saved;
    }

    /// <summary>The status page opened the incident's counterpart: its id and link are kept, once.</summary>
    public async Task StatusPageOpenedAsync(string id, string statusPageId, string? url)
    {
        await using var unit = await store.BeginAsync();
        var incident = await LoadAsync(unit, id);
        if (!incident.StatusPageOpened(statusPageId, url)) return;
        await SaveAsync(unit, incident);
        await unit.CommitAsync();
    }

    /// <summary>Records the postmortem and routes its new prevention items to the hardening backlog, a repeat offender's to its team's.</summary>
    public async Task<Incident> PostmortemAsync(Actor actor, string? id, string? rootCause, string? summary, IReadOnlyList<PreventionItem> prevention, long? seenVersion = null)
    {
        await using var unit = await store.BeginAsync();
        var incident = await TargetAsync(unit, actor, id);
        incident.EnsureSeen(seenVersion);
        var before = incident.Data.Postmortem?.Prevention.Count ?? 0;
        incident.RecordPostmortem(actor, rootCause, summary, prevention);
        var cause = incident.Data.Postmortem!.RootCause;
        var since = unit.Now.AddDays(-RepeatWindowDays);
        var repeatOf = cause is null ? [] : (await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind)).Select(s => s.Body)
            .Where(i => i.Id != incident.Id && i.DeclaredAt >= since && i.Postmortem?.RootCause == cause).OrderBy(i => i.Number).Select(i => i.Id).ToList();
        incident.Harden(before, OnCallFor(incident.Data.Service), repeatOf, settings.HardeningDue);
        var saved = await SaveAsync(unit, incident);
        await unit.CommitAsync();
        return saved;
    }

    /// <summary>A root cause seen again within this many days makes a repeat offender, as `/incident repeats` counts them.</summary>
    public const int RepeatWindowDays = 90;

    private ServiceOnCall? OnCallFor(string? service) => map.Find(service) is { } entry
        ? new ServiceOnCall(entry.Id, entry.Name, map.OnCallOf(entry), map.AnswersFor(entry), map.ChannelOf(entry), entry.Team, map.LeadOf(map.TeamOf(entry)))
        : null;

    public async Task<Incident> GetAsync(string id)
    {
        await using var unit = await store.BeginAsync();
        return await LoadAsync(unit, id);
    }

    /// <summary>The incident named, or the one the actor most plausibly means; changes nothing.</summary>
    public async Task<Incident> FindTargetAsync(Actor actor, string? id)
    {
        await using var unit = await store.BeginAsync();
        return await TargetAsync(unit, actor, id);
    }

    /// <summary>Joins a deploy, alert or config change to every open incident on the same service.</summary>
    /// <summary>
    /// Joins a deploy, alert or config change to the open incidents of its service. A deploy is also a
    /// release marker on the scoreboard (seed §1), whether or not an incident is open, in the same unit.
    /// </summary>
    public async Task<IReadOnlyList<string>> AttachEventAsync(string kind, string service, string summary, DateTimeOffset at, string source)
    {
        await using var unit = await store.BeginAsync();
        Bounds.Happened(at, unit.Now, "at");
        service = Bounds.Text(service, "service", ServiceNameLength);
        summary = Bounds.Text(summary, "summary", Bounds.Note);
        source = Bounds.Text(source, "source", ServiceNameLength);
        var joined = new List<string>();
        if (kind == "deploy")
        {
            await unit.ClaimRequestAsync();
            await unit.Markers.AddReleaseAsync(new ReleaseMarker(at, service, summary, source));
        }
        foreach (var stored in await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind))
        {
            var incident = new Incident(stored.Body, stored.Version, settings, unit.Now);
            if (!string.Equals(incident.Data.Service, service, StringComparison.OrdinalIgnoreCase)) continue;
            if (!incident.AttachEvent(kind, summary, at, source)) continue;
            await SaveAsync(unit, incident);
            joined.Add(incident.Id);
        }
        await unit.CommitAsync();
        return joined;
    }

    /// <summary>Comms and Legal: who is told of each customer notification deadline and reminded before it.</summary>
    internal IReadOnlyList<string> Notifiers => people.WithRole(Roles.Comms).Concat(people.WithRole(Roles.Legal)).Select(p => p.Id).Distinct().ToList();

    /// <summary>A Sev1 or Sev2 on a service starts a clock for each contract that promises to be told: at its declaration, and on a raise (adding only the contracts not yet on a clock).</summary>
    private async Task StartNoticesAsync(UnitOfWork unit, Incident incident)
    {
        if (incident.OwesNotices) incident.StartNotices(await obligations.ForServiceAsync(unit, incident.Data.Service!), Notifiers);
    }

    /// <summary>Longer than any service or tool is named.</summary>
    private const int ServiceNameLength = 100;

    /// <summary>Writes the incident with its effects; answers it as stored, at its new version, so nobody needs to read it back.</summary>
    internal async Task<Incident> SaveAsync(UnitOfWork unit, Incident incident)
    {
        var version = await unit.SaveAsync(Incident.Kind, incident);
        await KeepReminderAsync(unit, $"incident/{incident.Id}/update", UpdateDue, incident.Id, incident.UpdateReminderDue);
        await KeepReminderAsync(unit, $"incident/{incident.Id}/postmortem", PostmortemDue, incident.Id, incident.PostmortemReminderDue);
        return Wrap(new Stored<IncidentData>(incident.Data, version), unit.Now);
    }

    internal Incident Wrap(Stored<IncidentData> stored, DateTimeOffset now) => new(stored.Body, stored.Version, settings, now);

    internal async Task<Incident> LoadAsync(UnitOfWork unit, string id)
    {
        var key = NormaliseId(id);
        var stored = await unit.Aggregates.FindAsync<IncidentData>(Incident.Kind, key)
            ?? throw new RefusedException(RefusalKind.NotFound, $"There is no incident {key}. `/incident list` shows the open ones.", key);
        return Wrap(stored, unit.Now);
    }

    public static string NormaliseId(string id)
    {
        var text = id.Trim().ToUpperInvariant();
        if (long.TryParse(text, out _)) return $"INC-{text}";
        return text.StartsWith("INC") && long.TryParse(text[3..].TrimStart('-'), out var n) ? $"INC-{n}" : text;
    }

    private async Task<Incident> TargetAsync(UnitOfWork unit, Actor actor, string? id)
    {
        if (id is not null) return await LoadAsync(unit, id);
        var open = (await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind))
            .Where(s => s.Body.IsOpen).ToList();
        if (open.Count == 1) return Wrap(open[0], unit.Now);
        var mine = open.Where(s => s.Body.Commander == actor.Id).ToList();
        if (mine.Count == 1) return Wrap(mine[0], unit.Now);
        if (open.Count == 0)
            throw new RefusedException(RefusalKind.NotFound, "There is no open incident. Declare one with `/incident declare sev2 \"What is broken\"`.");
        throw new RefusedException(RefusalKind.Invalid,
            $"Which incident? Open now: {string.Join(", ", open.Select(s => $"{s.Body.Id} ({s.Body.Severity.Label()} · {s.Body.Title})"))}. Name it, e.g. `/incident show {open[0].Body.Id}`.");
    }

    private static async Task KeepReminderAsync(UnitOfWork unit, string key, string kind, string subject, DateTimeOffset? due)
    {
        var pending = await unit.Reminders.FindPendingAsync(key);
        if (due is { } at)
        {
            if (pending?.DueAt != at) await unit.Reminders.ScheduleAsync(new Reminder(key, kind, subject, at));
        }
        else if (pending is not null)
        {
            await unit.Reminders.CancelAsync(key);
        }
    }
}
