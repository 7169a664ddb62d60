using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Incidents;

/// <summary>
/// Customer notification deadlines: a Sev1 or Sev2 on a service that contracted customers depend on starts one
/// clock per contract; Comms and Legal are reminded before each deadline, the exec on call told when one is missed.
/// </summary>
public sealed partial class Incident
{
    public const string NoticeReminder = "incident.notice-reminder";
    public const string NoticeDue = "incident.notice-due";

    /// <summary>Whether it owes contracted customers a notice: a Sev1 or Sev2 on a service, still hurting customers.</summary>
    public bool OwesNotices => Data.Severity <= Severity.Sev2 && Data.Service is not null && !Data.IsOver;

    /// <summary>Starts a clock for each contract not already on one; the clock runs from now (the declaration, or the raise to Sev1/2).</summary>
    public void StartNotices(IReadOnlyList<NoticeObligation> obligations, IReadOnlyList<string> notifiers)
    {
        foreach (var obligation in obligations.Where(o => Data.Notices.All(n => n.Contract != o.Contract)))
        {
            var notice = new CustomerNotice { Contract = obligation.Contract, Customer = obligation.Customer, Hours = obligation.Hours, StartedAt = now, Due = now.AddHours(obligation.Hours) };
            Data.Notices.Add(notice);
            var text = $"{Id} ({Data.Severity.Label()} on {Data.Service}): notify {notice.Customer} by {notice.Due:yyyy-MM-dd HH:mm} UTC ({notice.Hours} h, {notice.Contract}).";
            Note(Actor.System, "notice", $"notify {notice.Customer} by {notice.Due:HH:mm} UTC ({notice.Hours} h, {notice.Contract})");
            foreach (var person in notifiers) Send(new Notification(Recipient.Person(person), $"{text} Record it with `/incident notified {Id} {notice.Customer}`.", new Subject(Kind, Id)));
            var lead = TimeSpan.FromHours(Math.Min(1, notice.Hours / 2.0));
            Schedule(new Reminder(NoticeKey(notice, "remind"), NoticeReminder, $"{Id}/{notice.Contract}", notice.Due - lead));
            Schedule(new Reminder(NoticeKey(notice, "due"), NoticeDue, $"{Id}/{notice.Contract}", notice.Due));
        }
    }

    public void RemindNotice(string contract, IReadOnlyList<string> notifiers)
    {
        if (Data.Notices.FirstOrDefault(n => n.Contract == contract) is not { IsPending: true } notice) return;
        var left = notice.Due - now;
        foreach (var person in notifiers)
            Send(new Notification(Recipient.Person(person),
                $"{Id}: {notice.Customer} must be notified by {notice.Due:HH:mm} UTC, in {Math.Max(1, (int)Math.Round(left.TotalMinutes))} min ({notice.Contract}). Record it with `/incident notified {Id} {notice.Customer}`.",
                new Subject(Kind, Id)));
    }

    public void MissNotice(string contract)
    {
        if (Data.Notices.FirstOrDefault(n => n.Contract == contract) is not { IsPending: true } notice) return;
        notice.Missed = true;
        Note(Actor.System, "notice", $"missed: {notice.Customer} was not notified by {notice.Due:HH:mm} UTC ({notice.Hours} h, {notice.Contract})");
        Send(new Notification(settings.ExecOnCall is { } exec ? Recipient.Person(exec) : Recipient.Channel(settings.Channel),
            $"{Id} missed a customer notification deadline: {notice.Customer} was due to be told by {notice.Due:yyyy-MM-dd HH:mm} UTC ({notice.Hours} h under {notice.Contract}). Notify them now and record it with `/incident notified {Id} {notice.Customer}`.",
            new Subject(Kind, Id)));
        Post($"{Id}: the notification deadline for {notice.Customer} ({notice.Due:HH:mm} UTC) passed without a notice.");
    }

    public CustomerNotice RecordNotified(Actor actor, string customer)
    {
        if (!actor.Has(Roles.Comms) && !actor.Has(Roles.Legal)) IncidentPolicy.EnsureCanPostUpdate(Data, actor);
        var theirs = Data.Notices.Where(n => n.Customer.Equals(customer.Trim(), StringComparison.OrdinalIgnoreCase) || n.Contract.Equals(customer.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        // A customer under two contracts owes two notices: each use records the next one still pending.
        var notice = theirs.FirstOrDefault(n => n.IsPending) ?? theirs.FirstOrDefault()
            ?? throw new RefusedException(RefusalKind.NotFound, Data.Notices.Count == 0
                ? $"{Id} owes no customer a notice: no contract promises notification on {Data.Service ?? "its service"}."
                : $"{Id} owes notices to {string.Join(", ", Data.Notices.Select(n => n.Customer))}; `{customer}` is none of them.", Id);
        if (!notice.IsPending)
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{notice.Customer} was already notified of {Id} at {notice.NotifiedAt:HH:mm} UTC by {notice.NotifiedBy}.", Id);
        notice.NotifiedAt = now;
        notice.NotifiedBy = actor.Id;
        Cancel(NoticeKey(notice, "remind"));
        Cancel(NoticeKey(notice, "due"));
        var late = now - notice.Due;
        Note(actor, "notice", $"{notice.Customer} notified by {actor.Name}" + (late > TimeSpan.Zero ? $", {Math.Ceiling(late.TotalMinutes):0} min after the {notice.Due:HH:mm} UTC deadline" : $", deadline {notice.Due:HH:mm} UTC met"));
        return notice;
    }

    /// <summary>The deadlines met and missed, as the postmortem and the board packet report them: "1 met, 1 missed (Globex)".</summary>
    public string NoticeRecord => NoticeOutcome.Of([Data]);

    private string NoticeKey(CustomerNotice notice, string what) => $"incident/{Id}/notice/{notice.Contract}/{what}";
}
