using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Risks;

/// <summary>A risk's escalations: a missed mitigation or a red risk with nothing shipped goes to the sponsor, then up the ladder; the sponsor decides.</summary>
public sealed partial class Risk
{
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
        if (!Data.Rating.IsRed() || !Data.IsInReview) return;
        var since = now - Settings.RedRiskShipWindow;
        if (Data.LastShipped is null || Data.LastShipped < since)
            Escalate($"{Id} is {Data.Rating} and has shipped no mitigation in the last {Settings.RedRiskShipWindow.TotalDays:0} days.", null);
        Schedule(new Reminder($"risk/{Id}/red-check", RedCheck, Id, now + Settings.RedRiskShipWindow));
    }

    public void TimeOut(int number)
    {
        var escalation = Escalation(number);
        var machine = EscalationMachine.For(escalation, DecidersOf(Actor.System));
        if (!machine.CanFire(EscalationTrigger.Raise)) return;
        machine.Fire(EscalationTrigger.Raise);
        Log(Actor.System, $"escalation {number} unanswered for {Settings.EscalationTimeout.TotalHours:0} h; raised to {Settings.DefaultOwner}");
        Send(new Notification(Recipient.Person(Settings.DefaultOwner),
            $"Escalated to you: {Data.Sponsor} has not answered on {Id} \"{Data.Title}\" in {Settings.EscalationTimeout.TotalHours:0} h. {escalation.Reason}",
            new Subject(EscalationKind, $"{Id}/{number}")));
        Send(new Notification(Recipient.Channel(Settings.ExecChannel), $"{Id} escalation {number} went up to {Settings.DefaultOwner}: {escalation.Reason}"));
    }

    public void DecideEscalation(Actor actor, int number, EscalationDecision decision, DateOnly? newDate, string? note, Person? reassignTo)
    {
        var escalation = Escalation(number);
        var machine = EscalationMachine.For(escalation, DecidersOf(actor));
        var check = machine.Check(EscalationTrigger.Decide);
        if (!check.IsAllowed && check.Needs.Count > 0)
            throw new RefusedException(RefusalKind.Forbidden, $"Only {string.Join("; ", check.Needs)}; you ({actor.Name}) may not.", Id);
        if (!check.IsAllowed)
            throw new RefusedException(RefusalKind.Conflict, $"{Id} escalation {number} was already decided by {escalation.DecidedBy}: {escalation.Decision}. Nothing was done.", Id);
        var mitigation = escalation.Mitigation is { } m ? Mitigation(m) : null;
        var detail = decision switch
        {
            EscalationDecision.ApprovePlan => "plan approved as it stands",
            EscalationDecision.Extend => Extend(mitigation, newDate),
            EscalationDecision.Fund => string.IsNullOrWhiteSpace(note) ? throw new RefusedException(RefusalKind.Invalid, "Say what is funded (amount and for what).", Id) : $"funded: {note.Trim()}",
            _ => Reassign(mitigation, reassignTo),
        };
        machine.Fire(EscalationTrigger.Decide);
        escalation.Decision = decision;
        escalation.DecidedBy = actor.Id;
        escalation.DecidedAt = now;
        escalation.Detail = detail;
        Cancel(EscalationKey(escalation));
        Decide(actor, $"escalation {number}: {detail}");
        TellBoth($"{actor.Name} decided on {Id} escalation {number}: {detail}.", except: actor.Id);
    }

    private string Extend(Mitigation? mitigation, DateOnly? newDate)
    {
        if (mitigation is null) throw new RefusedException(RefusalKind.Invalid, "This escalation is not about one mitigation; choose Approve plan, Fund or Reassign.", Id);
        if (newDate is not { } date || date <= Today) throw new RefusedException(RefusalKind.Invalid, "Extend needs a new due date in the future (YYYY-MM-DD).", Id);
        mitigation.Due = date;
        Schedule(new Reminder(MitigationKey(mitigation), MitigationDue, $"{Id}/{mitigation.Number}", EndOf(date)));
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

    private void Escalate(string reason, int? mitigation)
    {
        // One open escalation per missed mitigation, and one for the red-risk rule: a second reminder never repeats it.
        if (Data.Escalations.Any(e => !e.IsDecided && e.Mitigation == mitigation)) return;
        var escalation = new EscalationData { Number = Data.Escalations.Count + 1, Reason = reason, Mitigation = mitigation, RaisedAt = now };
        Data.Escalations.Add(escalation);
        Log(Actor.System, $"escalation {escalation.Number} to {Data.Sponsor}: {reason}");
        Send(new Notification(Recipient.Person(Data.Sponsor), $"Escalation on {Id} \"{Data.Title}\": {reason}", new Subject(EscalationKind, $"{Id}/{escalation.Number}")));
        Schedule(new Reminder(EscalationKey(escalation), EscalationTimeout, $"{Id}/{escalation.Number}", now + Settings.EscalationTimeout));
    }

    /// <summary>Who may press the escalation's buttons now, as the machine's guards say.</summary>
    public IReadOnlyList<string> EscalationDeciders(EscalationData escalation) =>
        Sponsors.Append(Settings.DefaultOwner).Distinct()
            .Where(person => EscalationMachine.For(escalation, DecidersOf(Actor.Stranger(person))).CanFire(EscalationTrigger.Decide)).ToList();

    private EscalationDeciders DecidersOf(Actor actor) =>
        new($"{Id}'s sponsor ({Data.Sponsor}) or a delegate may decide this escalation", Settings.DefaultOwner, () => IsSponsorOrDelegate(actor), () => actor.Id == Settings.DefaultOwner);

    private EscalationData Escalation(int number) => Data.Escalations.FirstOrDefault(e => e.Number == number)
        ?? throw new RefusedException(RefusalKind.NotFound, $"{Id} has no escalation {number}.", Id);

    private string EscalationKey(EscalationData escalation) => $"risk/{Id}/escalation/{escalation.Number}";
}
