using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.StateMachines;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Risks;

/// <summary>
/// A risk in the register and what people may do to it. The machines (risk, acceptance,
/// escalation) decide what is allowed; the risk records what to send and which reminders to set
/// or cancel, and the service stores it all in one transaction.
/// </summary>
public sealed class Risk(RiskData data, long version, RiskSettings settings, DateTimeOffset now)
{
    public const string Kind = "risk";
    public const string AcceptanceKind = "risk-acceptance";
    public const string EscalationKind = "risk-escalation";
    public const string MitigationDue = "risk.mitigation-due";
    public const string AcceptanceReminder = "risk.acceptance-reminder";
    public const string AcceptanceExpiry = "risk.acceptance-expiry";
    public const string EscalationTimeout = "risk.escalation-timeout";
    public const string RedCheck = "risk.red-check";

    private readonly List<Notification> outgoing = [];
    private readonly List<Reminder> scheduled = [];
    private readonly List<string> cancelled = [];
    private readonly List<(string Actor, string Text)> notes = [];
    private readonly List<FollowUpRequest> followUps = [];

    public RiskData Data { get; } = data;
    public long Version { get; } = version;
    public string Id => Data.Id;
    public RiskSettings Settings { get; } = settings;
    public IReadOnlyList<Notification> Outgoing => outgoing;
    public IReadOnlyList<Reminder> Scheduled => scheduled;
    public IReadOnlyList<string> Cancelled => cancelled;

    /// <summary>Follow-up tasks this change calls for (an expired acceptance, a stale risk).</summary>
    public IReadOnlyList<FollowUpRequest> FollowUps => followUps;

    /// <summary>The risk's history entries from this change: who, and what happened.</summary>
    public IReadOnlyList<(string Actor, string Text)> Notes => notes;

    private DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public static Risk Add(long number, string title, RiskCategory category, decimal probability, decimal impactUsd, string customerImpact,
        string owner, string sponsor, DateOnly? review, Actor actor, RiskSettings settings, DateTimeOffset now)
    {
        title = title.Trim();
        if (title.Length is 0 or > 200)
            throw new RefusedException(RefusalKind.Invalid, "A risk needs a title of 1–200 characters, e.g. `/risk add \"Payment provider outage\" …`.");
        var data = new RiskData
        {
            Id = $"RISK-{number}", Number = number, Title = title, Category = category, Probability = probability, ImpactUsd = impactUsd,
            CustomerImpact = customerImpact.Trim(), Owner = owner, Sponsor = sponsor, NextReview = review, CreatedBy = actor.Id, CreatedAt = now,
            Rating = settings.Matrix.Rate(probability, impactUsd),
        };
        var risk = new Risk(data, 0, settings, now);
        risk.Log(actor, $"added, rated {data.Rating.ToString().ToLowerInvariant()}");
        risk.Tell(owner, $"{data.Id} \"{title}\" is yours to own ({data.Rating}, exposure ${data.Exposure:#,0}). Add mitigations with `/risk mitigate {data.Id} \"…\" owner:@… due:YYYY-MM-DD`.");
        if (sponsor != owner) risk.Tell(sponsor, $"You sponsor {data.Id} \"{title}\" ({data.Rating}, exposure ${data.Exposure:#,0}), owned by {owner}.");
        risk.WatchIfRed();
        return risk;
    }

    public Mitigation Mitigate(Actor actor, string action, string owner, DateOnly due)
    {
        EnsureNotClosed("add a mitigation to");
        if (string.IsNullOrWhiteSpace(action)) throw new RefusedException(RefusalKind.Invalid, "Say what the mitigation is, in quotes.", Id);
        if (due < Today) throw new RefusedException(RefusalKind.Invalid, $"due:{due:yyyy-MM-dd} is in the past; give the date it will be done by.", Id);
        var mitigation = new Mitigation { Number = Data.Mitigations.Count + 1, Action = action.Trim(), Owner = owner, Due = due };
        Data.Mitigations.Add(mitigation);
        scheduled.Add(new Reminder(MitigationKey(mitigation), MitigationDue, $"{Id}/{mitigation.Number}", EndOf(due)));
        Log(actor, $"mitigation {mitigation.Number} \"{mitigation.Action}\" for {owner}, due {due:yyyy-MM-dd}");
        if (owner != actor.Id) Tell(owner, $"{Id}: mitigation {mitigation.Number} \"{mitigation.Action}\" is yours, due {due:yyyy-MM-dd}.");
        return mitigation;
    }

    public void Done(Actor actor, int number, string evidence)
    {
        var mitigation = Mitigation(number);
        if (mitigation.Status == MitigationStatus.Done)
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} mitigation {number} was already done on {mitigation.DoneAt:yyyy-MM-dd}.", Id);
        if (string.IsNullOrWhiteSpace(evidence))
            throw new RefusedException(RefusalKind.Invalid, $"Give the evidence it shipped: `/risk done {Id} {number} evidence:<INC-n, DEC-…, a change id or a URL>`.", Id);
        mitigation.Status = MitigationStatus.Done;
        mitigation.DoneAt = now;
        mitigation.Evidence = evidence.Trim();
        Data.Evidence.Add(mitigation.Evidence);
        cancelled.Add(MitigationKey(mitigation));
        Log(actor, $"mitigation {number} shipped, evidence {mitigation.Evidence}");
    }

    /// <summary>Evidence (an incident, decision, change or URL) and leading indicators to watch, kept with the risk.</summary>
    public void Link(Actor actor, string? evidence, IReadOnlyList<string> indicators)
    {
        EnsureNotClosed("add evidence to");
        if (evidence is null && indicators.Count == 0)
            throw new RefusedException(RefusalKind.Invalid, $"Give evidence or indicators: `/risk link {Id} evidence:INC-4 indicators:\"p99 checkout latency; provider status page\"`.", Id);
        if (evidence is not null) Data.Evidence.Add(evidence);
        Data.Indicators.AddRange(indicators.Where(i => !Data.Indicators.Contains(i)));
        Log(actor, $"linked {string.Join(", ", new[] { evidence }.OfType<string>().Concat(indicators))}");
    }

    /// <summary>Restates probability or impact; a rating that goes up ends any acceptance (a material change, seed §4).</summary>
    public void Update(Actor actor, decimal? probability, decimal? impactUsd, string? customerImpact)
    {
        EnsureNotClosed("update");
        var before = Data.Rating;
        Data.Probability = probability ?? Data.Probability;
        Data.ImpactUsd = impactUsd ?? Data.ImpactUsd;
        Data.CustomerImpact = customerImpact?.Trim() ?? Data.CustomerImpact;
        Data.Rating = Settings.Matrix.Rate(Data.Probability, Data.ImpactUsd);
        Log(actor, $"restated: p {Data.Probability:P0}, impact ${Data.ImpactUsd:#,0}, rated {Data.Rating.ToString().ToLowerInvariant()} (was {before.ToString().ToLowerInvariant()})");
        if (Data.Rating > before && Data.OpenAcceptance is { } acceptance)
        {
            EndAcceptance(acceptance, $"the risk got worse ({before} → {Data.Rating})");
            TellBoth($"{Id} got worse ({before} → {Data.Rating}), so its acceptance has ended and it is back in review. Ask for a new one with `/risk accept {Id} until:… reason:\"…\"` if it still stands.");
        }
        WatchIfRed();
    }

    public AcceptanceData RequestAcceptance(Actor actor, DateOnly until, string reason)
    {
        EnsureNotClosed("accept");
        if (string.IsNullOrWhiteSpace(reason)) throw new RefusedException(RefusalKind.Invalid, "An acceptance needs a reason: reason:\"…\".", Id);
        if (until <= Today) throw new RefusedException(RefusalKind.Invalid, $"until:{until:yyyy-MM-dd} is not in the future; an acceptance runs to a date ahead.", Id);
        var cap = DateOnly.FromDateTime((now + Settings.MaxAcceptance).UtcDateTime);
        if (until > cap) throw new RefusedException(RefusalKind.Invalid, $"until:{until:yyyy-MM-dd} is past the cap of {Settings.MaxAcceptance.TotalDays:0} days ({cap:yyyy-MM-dd}); nothing is accepted forever.", Id);
        if (Data.Acceptances.Any(a => a.State == AcceptanceState.Requested))
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} already has an acceptance waiting for {Data.Sponsor}; wait for that decision.", Id);
        var acceptance = new AcceptanceData { Number = Data.Acceptances.Count + 1, RequestedBy = actor.Id, RequestedAt = now, Until = until, Reason = reason.Trim() };
        Data.Acceptances.Add(acceptance);
        Log(actor, $"acceptance {acceptance.Number} requested until {until:yyyy-MM-dd}: {acceptance.Reason}");
        outgoing.Add(new Notification(Recipient.Person(Data.Sponsor), $"{actor.Name} asks you to accept {Id} \"{Data.Title}\" until {until:yyyy-MM-dd}.",
            new Subject(AcceptanceKind, $"{Id}/{acceptance.Number}")));
        return acceptance;
    }

    public void DecideAcceptance(Actor actor, int number, bool approve, string? note)
    {
        var acceptance = Data.Acceptances.FirstOrDefault(a => a.Number == number)
            ?? throw new RefusedException(RefusalKind.NotFound, $"{Id} has no acceptance {number}.", Id);
        EnsureSponsor(actor, "accept or reject this risk");
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new RefusedException(RefusalKind.Invalid, "Say why the acceptance is rejected.", Id);
        AcceptanceMachine.For(acceptance, () => actor.Id != acceptance.RequestedBy).FireOrRefuse(approve ? AcceptanceTrigger.Approve : AcceptanceTrigger.Reject, $"acceptance {number}", Id);
        acceptance.DecidedBy = actor.Id;
        acceptance.DecidedAt = now;
        acceptance.Note = note?.Trim();
        Decide(actor, approve ? $"accepted until {acceptance.Until:yyyy-MM-dd}" : $"acceptance rejected: {acceptance.Note}");
        if (!approve)
        {
            Tell(acceptance.RequestedBy, $"{actor.Name} rejected the acceptance of {Id}: {acceptance.Note}");
            return;
        }
        // A renewal replaces the acceptance in force; the risk stays accepted throughout.
        foreach (var previous in Data.Acceptances.Where(a => a.State == AcceptanceState.Approved && a != acceptance).ToList())
            EndAcceptance(previous, $"renewed by acceptance {number}", returnToReview: false);
        if (Data.State == RiskState.Open) RiskMachine.For(Data).Fire(RiskTrigger.Accept);
        foreach (var days in Settings.ExpiryReminderDays.Distinct())
        {
            var due = new DateTimeOffset(acceptance.Until.AddDays(-days).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            if (due > now) scheduled.Add(new Reminder(AcceptanceKey(acceptance, $"remind-{days}"), AcceptanceReminder, $"{Id}/{number}/{days}", due));
        }
        scheduled.Add(new Reminder(AcceptanceKey(acceptance, "expire"), AcceptanceExpiry, $"{Id}/{number}", StartOf(acceptance.Until)));
        TellBoth($"{actor.Name} accepted {Id} \"{Data.Title}\" until {acceptance.Until:yyyy-MM-dd}.", except: actor.Id);
    }

    public void RemindExpiry(int number, int days)
    {
        if (Data.Acceptances.FirstOrDefault(a => a.Number == number) is not { State: AcceptanceState.Approved } acceptance) return;
        TellBoth($"The acceptance of {Id} \"{Data.Title}\" expires in {days} day(s), on {acceptance.Until:yyyy-MM-dd}. Renew it with `/risk accept {Id} until:… reason:\"…\"`, or mitigate.");
    }

    public void Expire(int number)
    {
        if (Data.Acceptances.FirstOrDefault(a => a.Number == number) is not { State: AcceptanceState.Approved } acceptance) return;
        AcceptanceMachine.For(acceptance, () => true).Fire(AcceptanceTrigger.Expire);
        if (Data.State == RiskState.Accepted) RiskMachine.For(Data).Fire(RiskTrigger.ReturnToReview);
        Data.NextReview = Today;
        Decide(Actor.System, $"acceptance {number} expired");
        TellBoth($"The acceptance of {Id} \"{Data.Title}\" expired today; the risk is back in review.");
        followUps.Add(new FollowUpRequest($"risk/{Id}/acceptance/{number}/expired", Data.Owner,
            $"{Id} \"{Data.Title}\": its acceptance expired; mitigate it, ask for a renewal or close it.", Id));
        WatchIfRed();
    }

    /// <summary>A mitigation's due date passed: if it was not shipped, the sponsor hears of it.</summary>
    public void MissMitigation(int number)
    {
        var mitigation = Mitigation(number);
        if (mitigation.Status == MitigationStatus.Done) return;
        Escalate($"Mitigation {number} \"{mitigation.Action}\" (owner {mitigation.Owner}) missed its due date {mitigation.Due:yyyy-MM-dd}.", number);
    }

    /// <summary>Seed §4: a red risk ships a mitigation at least every 30 days, or its sponsor hears of it.</summary>
    public void CheckRed()
    {
        if (!Data.Rating.IsRed() || Data.State != RiskState.Open) return;
        var since = now - Settings.RedRiskShipWindow;
        if (Data.LastShipped is null || Data.LastShipped < since)
            Escalate($"{Id} is {Data.Rating} and has shipped no mitigation in the last {Settings.RedRiskShipWindow.TotalDays:0} days.", null);
        scheduled.Add(new Reminder($"risk/{Id}/red-check", RedCheck, Id, now + Settings.RedRiskShipWindow));
    }

    public void TimeOut(int number)
    {
        var escalation = Escalation(number);
        if (escalation.State != EscalationState.WithSponsor) return;
        EscalationMachine.For(escalation).Fire(EscalationTrigger.Raise);
        Log(Actor.System, $"escalation {number} unanswered for {Settings.EscalationTimeout.TotalHours:0} h; raised to {Settings.DefaultOwner}");
        outgoing.Add(new Notification(Recipient.Person(Settings.DefaultOwner),
            $"Escalated to you: {Data.Sponsor} has not answered on {Id} \"{Data.Title}\" in {Settings.EscalationTimeout.TotalHours:0} h. {escalation.Reason}",
            new Subject(EscalationKind, $"{Id}/{number}")));
        outgoing.Add(new Notification(Recipient.Channel(Settings.ExecChannel), $"{Id} escalation {number} went up to {Settings.DefaultOwner}: {escalation.Reason}"));
    }

    public void DecideEscalation(Actor actor, int number, EscalationDecision decision, DateOnly? newDate, string? note, Person? reassignTo)
    {
        var escalation = Escalation(number);
        var mayDecide = IsSponsorOrDelegate(actor) || (escalation.State == EscalationState.WithCeo && actor.Id == Settings.DefaultOwner);
        if (!mayDecide)
            throw new RefusedException(RefusalKind.Forbidden, $"Only {Id}'s sponsor ({Data.Sponsor}) or a delegate may decide this escalation{(escalation.State == EscalationState.WithCeo ? $", or {Settings.DefaultOwner} now that it went up" : "")}; you ({actor.Name}) may not.", Id);
        if (escalation.State == EscalationState.Decided)
            throw new RefusedException(RefusalKind.Conflict, $"{Id} escalation {number} was already decided by {escalation.DecidedBy}: {escalation.Decision}. Nothing was done.", Id);
        var mitigation = escalation.Mitigation is { } m ? Mitigation(m) : null;
        var detail = decision switch
        {
            EscalationDecision.ApprovePlan => "plan approved as it stands",
            EscalationDecision.Extend => Extend(mitigation, newDate),
            EscalationDecision.Fund => string.IsNullOrWhiteSpace(note) ? throw new RefusedException(RefusalKind.Invalid, "Say what is funded (amount and for what).", Id) : $"funded: {note.Trim()}",
            _ => Reassign(mitigation, reassignTo),
        };
        EscalationMachine.For(escalation).Fire(EscalationTrigger.Decide);
        escalation.Decision = decision;
        escalation.DecidedBy = actor.Id;
        escalation.DecidedAt = now;
        escalation.Detail = detail;
        cancelled.Add(EscalationKey(escalation));
        Decide(actor, $"escalation {number}: {detail}");
        TellBoth($"{actor.Name} decided on {Id} escalation {number}: {detail}.", except: actor.Id);
    }

    private string Extend(Mitigation? mitigation, DateOnly? newDate)
    {
        if (mitigation is null) throw new RefusedException(RefusalKind.Invalid, "This escalation is not about one mitigation; choose Approve plan, Fund or Reassign.", Id);
        if (newDate is not { } date || date <= Today) throw new RefusedException(RefusalKind.Invalid, "Extend needs a new due date in the future (YYYY-MM-DD).", Id);
        mitigation.Due = date;
        scheduled.Add(new Reminder(MitigationKey(mitigation), MitigationDue, $"{Id}/{mitigation.Number}", EndOf(date)));
        return $"mitigation {mitigation.Number} extended to {date:yyyy-MM-dd}";
    }

    private string Reassign(Mitigation? mitigation, Person? to)
    {
        if (to is null) throw new RefusedException(RefusalKind.Invalid, "Reassign needs the person to hand it to, by directory id or @handle.", Id);
        if (mitigation is null)
        {
            Data.Owner = to.Id;
            Tell(to.Id, $"{Id} \"{Data.Title}\" was reassigned to you.");
            return $"risk reassigned to {to.Id}";
        }
        mitigation.Owner = to.Id;
        Tell(to.Id, $"{Id} mitigation {mitigation.Number} \"{mitigation.Action}\" was reassigned to you, due {mitigation.Due:yyyy-MM-dd}.");
        return $"mitigation {mitigation.Number} reassigned to {to.Id}";
    }

    public void Close(Actor actor, DateOnly? review)
    {
        EnsureSponsor(actor, "close this risk");
        Data.NextReview = review ?? Data.NextReview;
        RiskMachine.For(Data).FireOrRefuse(RiskTrigger.Close, Id, Id);
        Decide(actor, $"closed; next review {Data.NextReview:yyyy-MM-dd}");
    }

    /// <summary>At the weekly review: a risk past its review date gets a follow-up task for its owner, once per missed date.</summary>
    public void FlagIfStale()
    {
        if (Data.State == RiskState.Closed || Data.NextReview is not { } review || review >= Today) return;
        followUps.Add(new FollowUpRequest($"risk/{Id}/stale/{review:yyyy-MM-dd}", Data.Owner,
            $"{Id} \"{Data.Title}\" is past its review date {review:yyyy-MM-dd}: review it and set the next date.", Id));
    }

    /// <summary>From the weekly review: the sponsor's attention, now, whatever the reminders say.</summary>
    public void EscalateFromReview(Actor actor)
    {
        if (!actor.Has(Roles.Exec) && !actor.Has(Roles.Sponsor))
            throw new RefusedException(RefusalKind.Forbidden, $"Escalating from the review is for execs and sponsors; you ({actor.Name}) are neither.", Id);
        var before = Data.Escalations.Count;
        Escalate($"Raised at the weekly risk review by {actor.Name}.", null);
        if (Data.Escalations.Count == before)
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} already has an open escalation with {Data.Sponsor}; it is decided on its card.", Id);
        Decide(actor, "escalated at the weekly review");
    }

    /// <summary>From the weekly review: money for the mitigation, logged as the sponsor's decision.</summary>
    public void Fund(Actor actor, string? what)
    {
        EnsureSponsor(actor, "fund this risk's mitigation");
        if (string.IsNullOrWhiteSpace(what)) throw new RefusedException(RefusalKind.Invalid, "Say what is funded (amount, for what).", Id);
        Decide(actor, $"funded at the weekly review: {what.Trim()}");
    }

    public void Reopen(Actor actor)
    {
        EnsureSponsor(actor, "reopen this risk");
        RiskMachine.For(Data).FireOrRefuse(RiskTrigger.Reopen, Id, Id);
        Decide(actor, "reopened");
        WatchIfRed();
    }

    public bool IsSponsorOrDelegate(Actor actor) =>
        actor.Id == Data.Sponsor || (Settings.Delegates.GetValueOrDefault(Data.Sponsor)?.Contains(actor.Id) ?? false);

    private void Escalate(string reason, int? mitigation)
    {
        // One open escalation per missed mitigation, and one for the red-risk rule: a second reminder never repeats it.
        if (Data.Escalations.Any(e => e.State != EscalationState.Decided && e.Mitigation == mitigation)) return;
        var escalation = new EscalationData { Number = Data.Escalations.Count + 1, Reason = reason, Mitigation = mitigation, RaisedAt = now };
        Data.Escalations.Add(escalation);
        Log(Actor.System, $"escalation {escalation.Number} to {Data.Sponsor}: {reason}");
        outgoing.Add(new Notification(Recipient.Person(Data.Sponsor), $"Escalation on {Id} \"{Data.Title}\": {reason}", new Subject(EscalationKind, $"{Id}/{escalation.Number}")));
        scheduled.Add(new Reminder(EscalationKey(escalation), EscalationTimeout, $"{Id}/{escalation.Number}", now + Settings.EscalationTimeout));
    }

    private void EndAcceptance(AcceptanceData acceptance, string why, bool returnToReview = true)
    {
        AcceptanceMachine.For(acceptance, () => true).Fire(AcceptanceTrigger.End);
        acceptance.Note = why;
        foreach (var days in Settings.ExpiryReminderDays) cancelled.Add(AcceptanceKey(acceptance, $"remind-{days}"));
        cancelled.Add(AcceptanceKey(acceptance, "expire"));
        if (returnToReview && Data.State == RiskState.Accepted) RiskMachine.For(Data).Fire(RiskTrigger.ReturnToReview);
        Log(Actor.System, $"acceptance {acceptance.Number} ended: {why}");
    }

    private void WatchIfRed()
    {
        if (Data.Rating.IsRed() && Data.State == RiskState.Open)
            scheduled.Add(new Reminder($"risk/{Id}/red-check", RedCheck, Id, (Data.LastShipped ?? now) + Settings.RedRiskShipWindow));
    }

    private Mitigation Mitigation(int number) => Data.Mitigations.FirstOrDefault(m => m.Number == number)
        ?? throw new RefusedException(RefusalKind.NotFound, $"{Id} has no mitigation {number}; it has {Data.Mitigations.Count}.", Id);

    private EscalationData Escalation(int number) => Data.Escalations.FirstOrDefault(e => e.Number == number)
        ?? throw new RefusedException(RefusalKind.NotFound, $"{Id} has no escalation {number}.", Id);

    private void EnsureNotClosed(string what)
    {
        if (Data.State == RiskState.Closed)
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} is closed, so you cannot {what} it. Reopen it first.", Id);
    }

    private void EnsureSponsor(Actor actor, string what)
    {
        if (!IsSponsorOrDelegate(actor))
            throw new RefusedException(RefusalKind.Forbidden, $"Only {Id}'s sponsor ({Data.Sponsor}) or a delegate may {what}; you ({actor.Name}) may not.", Id);
    }


    private void Decide(Actor actor, string what)
    {
        Data.Decisions.Add(new RiskDecision(now, actor.Id, what, Data.Rating));
        Log(actor, what);
    }

    private void Log(Actor actor, string what) => notes.Add((actor.Id, what));

    private void Tell(string person, string text) => outgoing.Add(new Notification(Recipient.Person(person), text, new Subject(Kind, Id)));

    private void TellBoth(string text, string? except = null)
    {
        foreach (var person in new[] { Data.Owner, Data.Sponsor }.Distinct().Where(p => p != except)) Tell(person, text);
    }

    private string MitigationKey(Mitigation mitigation) => $"risk/{Id}/mitigation/{mitigation.Number}";
    private string AcceptanceKey(AcceptanceData acceptance, string what) => $"risk/{Id}/acceptance/{acceptance.Number}/{what}";
    private string EscalationKey(EscalationData escalation) => $"risk/{Id}/escalation/{escalation.Number}";

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    private static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));
}
