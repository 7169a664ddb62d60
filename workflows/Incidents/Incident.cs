using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Machines;
using Stateless;

namespace ExecOps.Workflows.Incidents;

/// <summary>
/// An incident and what people may do to it. Callers use the intent methods; the machine behind
/// them decides whether each is allowed now, and the incident records what happened for the service to store.
/// </summary>
public sealed partial class Incident : Aggregate<IncidentData>
{
    public const string Kind = "incident";
    public const int MaxTitleLength = 200;

    private readonly StateMachine<IncidentState, IncidentTrigger> machine;
    private readonly IncidentSettings settings;
    private readonly DateTimeOffset now;

    public Incident(IncidentData data, long version, IncidentSettings settings, DateTimeOffset now) : base(data, version)
    {
        this.settings = settings;
        this.now = now;
        machine = IncidentMachine.For(data, now, resolved: StartPostmortemClock);
    }

    /// <summary>The steps a person takes to move an incident along, as opposed to bookkeeping triggers.</summary>
    public static readonly IReadOnlyList<IncidentTrigger> Steps =
        [IncidentTrigger.Investigate, IncidentTrigger.Identify, IncidentTrigger.Mitigate, IncidentTrigger.Resolve, IncidentTrigger.Close, IncidentTrigger.Reopen];

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    public IReadOnlyList<IncidentTrigger> NextSteps => machine.Permitted(Steps);
    public bool Can(IncidentTrigger trigger) => machine.CanFire(trigger);
    public bool OwesUpdates => machine.CanFire(IncidentTrigger.MissUpdate) && settings.CadenceFor(Data.Severity) is not null;

    public static Incident Declare(long number, string title, Severity severity, string? service, string? impact, Actor actor, IncidentSettings settings, DateTimeOffset now)
    {
        title = title.Trim();
        if (title.Length == 0)
            throw new RefusedException(RefusalKind.Invalid, "The incident needs a title, e.g. `/incident declare sev2 \"Checkout latency\"`.");
        if (title.Length > MaxTitleLength)
            throw new RefusedException(RefusalKind.Invalid, $"The title is {title.Length} characters; keep it to {MaxTitleLength} and put detail in impact:\"…\" or an update.");
        var data = new IncidentData
        {
            Id = $"INC-{number}", Number = number, Title = title, Room = RoomNames.For(number, title), Severity = severity, Service = service, Impact = impact,
            DeclaredBy = actor.Id, DeclaredAt = now, Roles = { [IncidentRole.Commander] = actor.Id }, RoleNames = { [IncidentRole.Commander] = actor.Name },
        };
        var incident = new Incident(data, 0, settings, now);
        incident.RefreshCadence(fromLastUpdate: false);
        var where = service is null ? "" : $" on {service}";
        incident.Note(actor, "declared", $"{severity.Label()} declared{where}: {title}. {actor.Name} is incident commander.");
        incident.Send(new Notification(Recipient.Channel(settings.Channel),
            $"{data.Id} declared: {severity.Label()} · {title}{where}. IC: {actor.Name}. Follow it in #{data.Room}."));
        incident.Post($"{data.Id} declared: {severity.Label()} · {title}{where}. {actor.Name} is incident commander.", actor.Id);
        return incident;
    }

    public void Step(Actor actor, IncidentTrigger step)
    {
        IncidentPolicy.EnsureCanRun(Data, actor, Verb(step));
        var from = Data.State;
        Fire(step);
        RefreshCadence(fromLastUpdate: true);
        Note(actor, "status", $"{from} → {Data.State}");
        Post($"{Id} is now {Data.State.ToString().ToLowerInvariant()} ({actor.Name}).");
    }

    public void PostUpdate(Actor actor, string text)
    {
        text = text.Trim();
        if (text.Length == 0) throw new RefusedException(RefusalKind.Invalid, $"The update is empty. Write it in quotes: `/incident update {Id} \"What we know, what we're doing\"`.");
        IncidentPolicy.EnsureCanPostUpdate(Data, actor);
        Fire(IncidentTrigger.PostUpdate);
        Data.LastUpdate = text;
        Data.LastUpdateAt = now;
        Data.MissedUpdates = 0;
        RefreshCadence(fromLastUpdate: true);
        Note(actor, "update", text);
        Post($"{Id} update from {actor.Name}: {text}");
    }

    public void ChangeSeverity(Actor actor, Severity severity)
    {
        IncidentPolicy.EnsureCanRun(Data, actor, "change the severity of");
        if (severity == Data.Severity) throw new RefusedException(RefusalKind.Invalid, $"{Id} is already {severity.Label()}.", Id);
        Fire(IncidentTrigger.ChangeSeverity);
        var from = Data.Severity;
        Data.Severity = severity;
        RefreshCadence(fromLastUpdate: true);
        Note(actor, "severity", $"{from.Label()} → {severity.Label()}");
        Post($"{Id} severity changed {from.Label()} → {severity.Label()} by {actor.Name}.");
    }

    public void AssignRole(Actor actor, IncidentRole role, Person person)
    {
        IncidentPolicy.EnsureCanRun(Data, actor, $"assign the {role.Label().ToLowerInvariant()} of");
        Fire(IncidentTrigger.AssignRole);
        Data.Roles[role] = person.Id;
        Data.RoleNames[role] = person.Name;
        Note(actor, "role", $"{role.Label()}: {person.Name}");
        Post($"{actor.Name} made {person.Name} {role.Label().ToLowerInvariant()}.", person.Id);
        Tell(person.Id, $"{actor.Name} made you {role.Label().ToLowerInvariant()} of {Id} ({Data.Severity.Label()} · {Data.Title}). Join #{Data.Room}.");
    }

    public void RecordPostmortem(Actor actor, string? rootCause, string? summary, IReadOnlyList<PreventionItem> prevention)
    {
        IncidentPolicy.EnsureCanRun(Data, actor, "record the postmortem of");
        Fire(IncidentTrigger.RecordPostmortem);
        if (rootCause is null && summary is null && prevention.Count == 0)
            throw new RefusedException(RefusalKind.Invalid, $"Say what to record: `/incident postmortem {Id} cause:<category> summary:\"…\" systemic:\"…\" prevent:\"…\"`.", Id);
        var postmortem = Data.Postmortem ??= new Postmortem();
        postmortem.RootCause = rootCause?.Trim().ToLowerInvariant() ?? postmortem.RootCause;
        postmortem.Summary = summary ?? postmortem.Summary;
        postmortem.Prevention.AddRange(prevention);
        postmortem.RecordedAt = now;
        Note(actor, "postmortem", $"cause: {postmortem.RootCause ?? "—"}; {prevention.Count} prevention item(s) added ({prevention.Count(p => p.Systemic)} systemic)" +
            (Data.Notices.Count > 0 ? $"; customer notices: {NoticeRecord}" : ""));
    }

    /// <summary>The update cadence ran out. Returns false when the incident no longer owes updates.</summary>
    public bool MissUpdate()
    {
        if (!OwesUpdates || Data.NextUpdateDue is not { } due || due > now) return false;
        Fire(IncidentTrigger.MissUpdate);
        Note(Actor.System, "reminder", $"Update overdue since {due:HH:mm} UTC (miss {Data.MissedUpdates}).");
        var nudge = $"{Id} ({Data.Severity.Label()} · {Data.Title}) owes a status update since {due:HH:mm} UTC. Post one: `/incident update {Id} \"…\"`.";
        Tell(Data.Commander, nudge);
        Post($"Status update overdue since {due:HH:mm} UTC (miss {Data.MissedUpdates}); @{Data.Commander} please post one.");
        if (Data.MissedUpdates >= 2 && settings.ExecOnCall is { } exec)
            Tell(exec, $"Escalation: {Id} has missed {Data.MissedUpdates} status updates in a row. IC: {Data.Commander}.");
        return true;
    }

    public bool AttachEvent(string kind, string summary, DateTimeOffset at, string source)
    {
        if (!machine.CanFire(IncidentTrigger.AttachEvent)) return false;
        machine.Fire(IncidentTrigger.AttachEvent);
        Note(source, kind, summary, at);
        return true;
    }

    /// <summary>From now on this incident answers for the provider's incident <paramref name="link"/> (`pagerduty:PFQZPSY`).</summary>
    public void Link(string link)
    {
        if (!Data.Links.Contains(link)) Data.Links.Add(link);
    }

    /// <summary>When the next update reminder should fire, or null when none is owed.</summary>
    public DateTimeOffset? UpdateReminderDue =>
        OwesUpdates && Data.NextUpdateDue is { } due ? due + Data.MissedUpdates * settings.CadenceFor(Data.Severity)!.Value : null;

    /// <summary>When the postmortem reminder should fire, or null when closing is already possible or not the point.</summary>
    public DateTimeOffset? PostmortemReminderDue =>
        machine.CanFire(IncidentTrigger.RecordPostmortem) && !machine.CanFire(IncidentTrigger.Close) ? Data.PostmortemNudgeAt ?? Data.PostmortemDue : null;

    /// <summary>Nudges the commander about an overdue postmortem, then again a day later until it can close.</summary>
    public void RemindPostmortem()
    {
        Data.PostmortemNudgeAt = now + TimeSpan.FromDays(1);
        Note(Actor.System, "reminder", "Postmortem overdue.");
        Tell(Data.Commander, $"{Id}'s postmortem is overdue. Record the root cause and at least one systemic prevention item so it can close.");
    }

    private void StartPostmortemClock()
    {
        ResolveStatusPage();
        Data.PostmortemDue = now + settings.PostmortemDue;
        Tell(Data.Commander, $"{Id} is resolved. Its postmortem is due {Data.PostmortemDue:yyyy-MM-dd HH:mm} UTC: `/incident postmortem {Id} cause:… summary:\"…\" systemic:\"…\"`.");
    }

    private void RefreshCadence(bool fromLastUpdate)
    {
        var cadence = OwesUpdates ? settings.CadenceFor(Data.Severity) : null;
        Data.NextUpdateDue = cadence is { } every ? (fromLastUpdate ? Data.LastUpdateAt ?? Data.DeclaredAt : Data.DeclaredAt) + every : null;
        if (Data.NextUpdateDue < now) Data.NextUpdateDue = now + cadence!.Value;
    }

    private void Fire(IncidentTrigger trigger)
    {
        var check = machine.Check(trigger);
        if (check.IsAllowed) { machine.Fire(trigger); return; }
        var next = NextSteps.Count == 0 ? "nothing; it is closed" : string.Join(", ", NextSteps.Select(s => s.ToString().ToLowerInvariant()));
        var because = check.Needs.Count == 0 ? "" : $": it needs {string.Join(" and ", check.Needs)}";
        var hint = trigger == IncidentTrigger.Close && because.Length > 0 ? $". Record one with `/incident postmortem {Id} cause:… summary:\"…\" systemic:\"…\"`" : "";
        throw new RefusedException(RefusalKind.NotAllowedNow,
            $"{Id} is {Data.State.ToString().ToLowerInvariant()}, so you cannot {Verb(trigger)} it now{because}{hint}. Possible next steps: {next}.", Id);
    }

    private void Note(Actor actor, string kind, string text) => Note(actor.Id, kind, text, now);

    /// <summary>Posts to the incident's own channel; <paramref name="member"/> is someone who belongs there.</summary>
    private void Post(string text, string? member = null) =>
        Send(new Notification(Recipient.Channel(Data.Room), text, new Subject(Kind, Id), member is null ? null : [member]));

    private void Tell(string? personId, string text)
    {
        if (personId is not null) Send(new Notification(Recipient.Person(personId), text, new Subject(Kind, Id)));
    }

    private static string Verb(IncidentTrigger trigger) => trigger switch
    {
        IncidentTrigger.PostUpdate => "post an update to",
        IncidentTrigger.RecordPostmortem => "record a postmortem for",
        IncidentTrigger.ChangeSeverity => "change the severity of",
        IncidentTrigger.AssignRole => "assign roles on",
        _ => trigger.ToString().ToLowerInvariant(),
    };
}

/// <summary>A timeline entry the incident wants written when it is saved.</summary>
public sealed record TimelineNote(string Actor, string Kind, string Text, DateTimeOffset At);
