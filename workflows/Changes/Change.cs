using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Ownership;
using Stateless;

namespace ExecOps.Workflows.Changes;

/// <summary>The fields of an envelope as typed, before they are checked.</summary>
public sealed record ChangeFields(string? Scope, string? Rollback, string? Metrics, string? Owner, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, string? Flag, DataMigration? Migration);

/// <summary>
/// A change envelope and what may happen to it (seed §5). The machine decides what is allowed; the
/// change records what to announce, and the service stores it with its history in one transaction.
/// </summary>
public sealed class Change(ChangeData data, long version, ChangeSettings settings, OwnershipMap map, DateTimeOffset now) : Aggregate<ChangeData>(data, version)
{
    public const string Kind = "change";
    public const string ExecRole = "exec";

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    /// <summary>When this change completed, if it did just now: a release marker on the scoreboard.</summary>
    public DateTimeOffset? Released { get; private set; }

    /// <summary>The changed service as the ownership map has it now, so an owner renamed in the map is the one asked.</summary>
    private OwnedEntry Entry => map.Find(Data.Service) ?? throw new RefusedException(RefusalKind.NotFound,
        $"{Data.Service}, the service of {Id}, is no longer in the ownership map; an admin restores it or the change is cancelled.", Id);

    public static string ApproverRole(string service) => $"approver:{service}";

    public static Change Create(long number, int tier, string service, string title, ChangeFields fields, Actor actor, ChangeSettings settings, OwnershipMap map, DateTimeOffset now)
    {
        if (tier is < 0 or > 3) throw new RefusedException(RefusalKind.Invalid, $"tier:{tier} is not a tier; use 0, 1, 2 or 3 (0 is the most critical).");
        var entry = map.Require(service);
        if (string.IsNullOrWhiteSpace(title)) throw new RefusedException(RefusalKind.Invalid, "A change needs a title, in quotes.");
        Bounds.Text(title, "The title", Bounds.Title);
        var data = new ChangeData
        {
            Id = $"CHG-{number}", Number = number, Tier = tier, Service = entry.Id,
            Title = title.Trim(), Owner = fields.Owner ?? actor.Id, CreatedBy = actor.Id, CreatedAt = now,
        };
        var change = new Change(data, 0, settings, map, now);
        change.Apply(fields);
        change.Log(actor.Id, $"drafted: Tier {tier} on {data.Service}");
        change.Submit(actor);
        return change;
    }

    /// <summary>Changes fields; an approved change that needs approval goes back for it (seed §5: an edit clears the approval).</summary>
    public void Edit(Actor actor, ChangeFields fields)
    {
        EnsureOwner(actor, "edit");
        Apply(fields);
        Fire(ChangeTrigger.Edit, actor);
        Log(actor.Id, "edited");
    }

    public void Approve(Actor actor)
    {
        var role = Data.NeededApprovals.FirstOrDefault(r => Holds(actor, r) && Data.Approvals.All(a => a.Role != r))
            ?? throw new RefusedException(RefusalKind.Forbidden,
                $"You ({actor.Name}) cannot approve {Id}: it needs {Describe(Data.NeededApprovals.Where(r => Data.Approvals.All(a => a.Role != r)))}.", Id);
        if (!Machine(actor).CanFire(ChangeTrigger.Approve))
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} is {Refusals.Words(Data.State)}, not waiting for approval.", Id);
        Data.Approvals.Add(new ChangeApproval(role, actor.Id, now));
        Fire(ChangeTrigger.Approve, actor);
        Log(actor.Id, $"approved as {Describe([role])}");
    }

    public void Reject(Actor actor, string? reason)
    {
        if (!Data.NeededApprovals.Any(r => Holds(actor, r)))
            throw new RefusedException(RefusalKind.Forbidden, $"You ({actor.Name}) cannot reject {Id}: only {Describe(Data.NeededApprovals)} may.", Id);
        if (string.IsNullOrWhiteSpace(reason)) throw new RefusedException(RefusalKind.Invalid, "Say why the change is rejected.", Id);
        Fire(ChangeTrigger.Reject, actor);
        Data.Approvals.Clear();
        Log(actor.Id, $"rejected: {reason.Trim()}");
        Tell(Data.Owner, $"{actor.Name} rejected {Id}: {reason.Trim()}. Edit it and it is submitted again.");
    }

    public static readonly Recipient RollbackHook = Recipient.Webhook("rollback");

    /// <summary>The pipeline started the rollout; the first commit's time starts the lead-time clock.</summary>
    public void Start(DateTimeOffset at, DateTimeOffset? firstCommitAt)
    {
        Fire(ChangeTrigger.Start, Actor.System);
        if (firstCommitAt is { } commit && (commit > at || commit < at - LeadTimeReach))
            throw new RefusedException(RefusalKind.Invalid,
                $"first_commit_at {commit:yyyy-MM-ddTHH:mm:ssZ} must be before the start ({at:yyyy-MM-ddTHH:mm:ssZ}) and at most {LeadTimeReach.TotalDays:0} days before it: lead time runs from the first commit to the start.", Id);
        Data.StartedAt = at;
        Data.FirstCommitAt = firstCommitAt ?? at;
        Record(at, "started", firstCommitAt is { } c ? $"first commit {c:yyyy-MM-dd HH:mm}" : "");
    }

    /// <summary>
    /// A deployment of this change, as a pipeline reports it. An approved change whose success or failure arrives
    /// without its start (a workflow run reports only its end) is started at <paramref name="startedAt"/> first.
    /// A first commit time that cannot be one (after the start, or over a year before it) is left out: the
    /// deployment happened either way, and a pipeline's guess must not stop it being recorded.
    /// </summary>
    public void Deployed(DeployStep step, DateTimeOffset startedAt, DateTimeOffset at, DateTimeOffset? firstCommitAt, string? detail)
    {
        var start = step == DeployStep.Started ? at : startedAt;
        var commit = firstCommitAt is { } c && c <= start && c >= start - LeadTimeReach ? c : (DateTimeOffset?)null;
        if (step == DeployStep.Started)
        {
            Start(at, commit);
            return;
        }
        if (Machine(Actor.System).CanFire(ChangeTrigger.Start)) Start(startedAt, commit);
        if (step == DeployStep.Succeeded) Complete(at);
        else Failed(at, detail);
    }

    public void Stage(DateTimeOffset at, int percent)
    {
        if (percent is < 1 or > 100) throw new RefusedException(RefusalKind.Invalid, $"A stage is a percentage of traffic from 1 to 100, not {percent}.", Id);
        if (Machine(Actor.System).CanFire(ChangeTrigger.Stage) && percent <= Data.StagePercent)
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} is already at {Data.StagePercent}%; a stage only goes forward (report a rollback instead).", Id);
        Fire(ChangeTrigger.Stage, Actor.System);
        Data.StagePercent = percent;
        Record(at, "stage", $"{percent}%");
    }

    /// <summary>Health readings during rollout; one that breaks a guardrail asks for the rollback, once.</summary>
    public void Health(DateTimeOffset at, IReadOnlyDictionary<string, decimal> readings)
    {
        if (readings.Count == 0) throw new RefusedException(RefusalKind.Invalid, "A health event needs readings, e.g. {\"p95_latency_ms\": 280}.", Id);
        Fire(ChangeTrigger.Health, Actor.System);
        var guardrails = Data.Guardrails.SelectMany(g => Guardrail.ParseAll(g)).ToList();
        var broken = guardrails.Where(g => readings.TryGetValue(g.Metric, out var reading) && !g.Holds(reading))
            .Select(g => $"{g.Metric}={readings[g.Metric].ToString(System.Globalization.CultureInfo.InvariantCulture)} broke {g}").ToList();
        Record(at, "health", string.Join(", ", readings.Select(r => $"{r.Key}={r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")));
        if (broken.Count == 0 || Data.RollbackRequested) return;
        Data.RollbackRequested = true;
        var what = $"{Id} \"{Data.Title}\" at {Data.StagePercent}%: {string.Join("; ", broken)}. Rolling back.";
        Log(Actor.System.Id, $"guardrail broken: {string.Join("; ", broken)}; rollback requested");
        Tell(Data.Owner, "Guardrail broken: " + what);
        Send(new Notification(Recipient.Channel(map.ChannelOf(Entry)), "Guardrail broken: " + what, new Subject(Kind, Id)));
        Send(new Notification(RollbackHook, $"Roll back {Id} on {Data.Service}: {string.Join("; ", broken)}", new Subject(Kind, Id)));
    }

    public void Complete(DateTimeOffset at)
    {
        Fire(ChangeTrigger.Complete, Actor.System);
        Data.FinishedAt = at;
        Data.StagePercent = 100;
        Released = at;
        Record(at, "completed", "");
    }

    public void RolledBack(DateTimeOffset at)
    {
        Fire(ChangeTrigger.RollBack, Actor.System);
        Data.FinishedAt ??= at;
        Record(at, "rolled back", "");
    }

    /// <summary>The IC confirmed the incident came from this change: it now counts as a failed change.</summary>
    public void LinkIncident(Actor actor, string incident)
    {
        if (Data.LinkedIncidents.Contains(incident))
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{incident} is already linked to {Id}.", Id);
        Data.LinkedIncidents.Add(incident);
        Log(actor.Id, $"linked to {incident}: counts as a failed change");
        Tell(Data.Owner, $"{actor.Name} linked {incident} to {Id} \"{Data.Title}\"; it counts as a failed change.");
    }

    /// <summary>The rollout failed and could not be rolled back cleanly.</summary>
    public void Failed(DateTimeOffset at, string? detail)
    {
        Fire(ChangeTrigger.Fail, Actor.System);
        Data.FinishedAt ??= at;
        Record(at, "failed", detail ?? "");
    }

    public void Hotfix(DateTimeOffset at, string? detail)
    {
        Fire(ChangeTrigger.Hotfix, Actor.System);
        Data.Hotfixed = true;
        Record(at, "hotfix", detail ?? "");
    }

    /// <summary>Longer from first commit to rollout than any change here takes; more is a wrong clock upstream.</summary>
    private static readonly TimeSpan LeadTimeReach = TimeSpan.FromDays(365);

    /// <remarks>Every rollout event passes here, so this is where its time is held to the window events may be reported in.</remarks>
    private void Record(DateTimeOffset at, string kind, string detail)
    {
        Bounds.Happened(at, now, "at", Id);
        Data.Events.Add(new ChangeEvent(at, kind, detail));
        Log(Actor.System.Id, $"{kind} {detail}".Trim());
    }

    public bool CanBeApprovedBy(Actor actor) =>
        Machine(actor).CanFire(ChangeTrigger.Approve) && Data.NeededApprovals.Any(r => Holds(actor, r) && Data.Approvals.All(a => a.Role != r));

    public IReadOnlyList<string> Approvers(PeopleDirectory people) =>
        Data.NeededApprovals.SelectMany(r => r == ExecRole ? people.WithRole(Roles.Exec).Select(p => p.Id) : map.ApproverOf(Entry) is { } approver ? [approver] : []).Distinct().ToList();

    private void Submit(Actor actor)
    {
        Data.NeededApprovals = [];
        if (Data.Tier <= 1)
        {
            var missing = new[] { ("scope", Data.Scope), ("rollback", Data.Rollback), ("metrics", Data.Guardrails.Count > 0 ? "set" : null) }
                .Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
            if (missing.Count > 0)
                throw new RefusedException(RefusalKind.Invalid, $"A Tier {Data.Tier} change needs {string.Join(", ", missing.Select(m => m + ":\"…\""))}. Nothing was created.");
            if (map.ApproverOf(Entry) is null)
                throw new RefusedException(RefusalKind.NotAllowedNow, $"{Data.Service} has nobody to approve a Tier {Data.Tier} change: the ownership map names no approver, owner or team lead who is in the directory. " +
                    $"An admin sets one with `/owner set {Data.Service} approver:@someone`. Nothing was created.");
            Data.NeededApprovals.Add(ApproverRole(Data.Service));
        }
        if (settings.FreezeAt(Data.WindowStart, Data.WindowEnd, now) is { } freeze)
        {
            Data.NeededApprovals.Add(ExecRole);
            Log(actor.Id, $"inside the {freeze.Name} freeze ({freeze.Start:yyyy-MM-dd}..{freeze.End:yyyy-MM-dd}): an exec must approve");
        }
        if (Data.NeededApprovals.Count == 0)
        {
            Fire(ChangeTrigger.SelfApprove, actor);
            Data.Approvals.Add(new ChangeApproval("self", actor.Id, now));
            return;
        }
        Fire(ChangeTrigger.Submit, actor);
    }

    /// <summary>The change went (back) to approval: a first submission asks in the actor's name, an edit after approval starts over.</summary>
    private void AskApprovers(ChangeTrigger by, Actor actor)
    {
        if (by == ChangeTrigger.Edit) Data.Approvals.Clear();
        var text = by == ChangeTrigger.Edit
            ? $"{Id} was edited after approval, so it needs approving again."
            : $"{actor.Name} asks for approval of {Id} \"{Data.Title}\" (Tier {Data.Tier}, {Data.Service}).";
        foreach (var role in Data.NeededApprovals)
            Send(new Notification(role == ExecRole ? Recipient.Channel(settings.ExecChannel) : Recipient.Person(map.ApproverOf(Entry)!), text, new Subject(Kind, Id)));
    }

    private void Apply(ChangeFields fields)
    {
        if (fields.Metrics is not null) Data.Guardrails = Guardrail.ParseAll(fields.Metrics).Select(g => g.ToString()).ToList();
        Data.Scope = fields.Scope is null ? Data.Scope : Bounds.Text(fields.Scope, "scope", Bounds.Note, Id);
        Data.Rollback = fields.Rollback is null ? Data.Rollback : Bounds.Text(fields.Rollback, "rollback", Bounds.Note, Id);
        Data.Owner = fields.Owner ?? Data.Owner;
        Data.Flag = fields.Flag ?? Data.Flag;
        Data.Migration = fields.Migration ?? Data.Migration;
        if (fields.WindowStart is not null) (Data.WindowStart, Data.WindowEnd) = (fields.WindowStart, fields.WindowEnd);
        if (Data.WindowEnd < Data.WindowStart) throw new RefusedException(RefusalKind.Invalid, "The window ends before it starts; write window:2026-11-20T22:00Z..2026-11-21T02:00Z.");
        if (fields.WindowStart is { } start && (fields.WindowEnd < now || start > now.AddYears(Bounds.YearsAhead)))
            throw new RefusedException(RefusalKind.Invalid,
                $"window:{start:yyyy-MM-ddTHH:mmZ}..{fields.WindowEnd:yyyy-MM-ddTHH:mmZ} must end after now ({now:yyyy-MM-ddTHH:mmZ}) and start within {Bounds.YearsAhead} years; a window is when the change will run.", Id);
    }

    private bool Holds(Actor actor, string role) =>
        role == ExecRole ? actor.Has(Roles.Exec) : actor.Id == map.ApproverOf(Entry);

    private string Describe(IEnumerable<string> roles) =>
        string.Join(" and ", roles.Select(r => r == ExecRole ? "an exec (freeze)" : $"{map.ApproverOf(Entry)} ({Data.Service}'s approver)"));

    private void EnsureOwner(Actor actor, string what)
    {
        if (actor.Id != Data.Owner && actor.Id != Data.CreatedBy)
            throw new RefusedException(RefusalKind.Forbidden, $"Only {Id}'s owner ({Data.Owner}) may {what} it.", Id);
    }

    private void Fire(ChangeTrigger trigger, Actor actor) => Machine(actor).FireOrRefuse(trigger, Id, Id);

    private StateMachine<ChangeState, ChangeTrigger> Machine(Actor actor) =>
        ChangeMachine.For(Data, () => Data.NeededApprovals.All(r => Data.Approvals.Any(a => a.Role == r)),
            new ChangeEffects(by => AskApprovers(by, actor), () => Tell(Data.Owner, $"{Id} \"{Data.Title}\" is approved; it may start.")));

    private void Log(string actor, string text) => Note(actor, Kind, text, now);

    private void Tell(string person, string text) => Send(new Notification(Recipient.Person(person), text, new Subject(Kind, Id)));
}
