using ExecOps.Workflows.Machines;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Compliance;

/// <summary>A control's exceptions: asked for until a capped date, decided by the owner's manager (never the requester), reminded, expired.</summary>
public sealed partial class Control
{
    public const string ExceptionReminder = "compliance.exception-reminder";
    public const string ExceptionExpiry = "compliance.exception-expiry";

    /// <param name="approvers">Who may approve, first choice first (the owner's manager, then Compliance:ExceptionApprover): the first who did not ask is the approver.</param>
    public ControlExceptionData RequestException(Actor actor, DateOnly until, string compensating, string reason, IReadOnlyList<string> approvers)
    {
        if (string.IsNullOrWhiteSpace(compensating))
            throw new RefusedException(RefusalKind.Invalid, $"Say what compensates while {Id} is excepted: compensating:\"…\".", Id);
        if (string.IsNullOrWhiteSpace(reason)) throw new RefusedException(RefusalKind.Invalid, "An exception needs a reason: reason:\"…\".", Id);
        if (until <= Today) throw new RefusedException(RefusalKind.Invalid, $"until:{until:yyyy-MM-dd} is not in the future; an exception runs to a date ahead.", Id);
        var cap = DateOnly.FromDateTime((now + Settings.MaxException).UtcDateTime);
        if (until > cap)
            throw new RefusedException(RefusalKind.Invalid, $"until:{until:yyyy-MM-dd} is past the cap of {Settings.MaxException.TotalDays:0} days ({cap:yyyy-MM-dd}); nothing is excepted forever.", Id);
        if (Data.Exceptions.Any(e => e.AwaitsApprover))
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} already has an exception waiting for {Data.Exceptions.Last(e => e.AwaitsApprover).Approver}; wait for that decision.", Id);
        var approver = approvers.FirstOrDefault(p => p != actor.Id)
            ?? throw new RefusedException(RefusalKind.Forbidden, $"Nobody but you could approve an exception to {Id}; ask {Definition.Owner}'s manager to request it.", Id);
        var exception = new ControlExceptionData
        {
            Number = Data.Exceptions.Count + 1, RequestedBy = actor.Id, RequestedAt = now, Approver = approver, Until = until,
            Compensating = Bounds.Text(compensating, "compensating", Bounds.Note, Id), Reason = Bounds.Text(reason, "reason", Bounds.Note, Id),
        };
        Data.Exceptions.Add(exception);
        Schedule(new Reminder(ExceptionKey(exception, "expire"), ExceptionExpiry, $"{Id}/{exception.Number}", StartOf(until)));
        Log(actor, $"exception {exception.Number} requested until {until:yyyy-MM-dd}: {exception.Reason} (compensating: {exception.Compensating})");
        Tell(approver, $"{actor.Name} asks you to approve an exception to {Id} \"{Definition.Title}\" until {until:yyyy-MM-dd}.", About(exception));
        return exception;
    }

    public void DecideException(Actor actor, int number, bool approve, string? note)
    {
        var exception = Exception(number);
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new RefusedException(RefusalKind.Invalid, "Say why the exception is rejected.", Id);
        ControlExceptionMachine.For(exception, () => actor.Id == exception.Approver, () => actor.Id != exception.RequestedBy)
            .FireOrRefuse(approve ? ControlExceptionTrigger.Approve : ControlExceptionTrigger.Reject, $"exception {number} to {Id}", Id);
        exception.DecidedBy = actor.Id;
        exception.DecidedAt = now;
        exception.Note = note?.Trim();
        Log(actor, approve ? $"exception {number} approved until {exception.Until:yyyy-MM-dd}" : $"exception {number} rejected: {exception.Note}");
        if (!approve)
        {
            Cancel(ExceptionKey(exception, "expire"));
            Tell(exception.RequestedBy, $"{actor.Name} rejected the exception to {Id}: {exception.Note}", About(exception));
            return;
        }
        // A renewal replaces the exception in force; the control stays excepted throughout.
        foreach (var previous in Data.Exceptions.Where(e => e.IsInForce && e != exception).ToList()) EndException(previous, $"renewed by exception {number}");
        ControlMachine.For(Data).Fire(ControlTrigger.Except);
        Data.Since = now;
        foreach (var days in Settings.ReminderDays.Distinct())
        {
            var due = new DateTimeOffset(exception.Until.AddDays(-days).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            if (due > now) Schedule(new Reminder(ExceptionKey(exception, $"remind-{days}"), ExceptionReminder, $"{Id}/{number}/{days}", due));
        }
        foreach (var person in new[] { exception.RequestedBy, Definition.Owner }.Distinct().Where(p => p != actor.Id))
            Tell(person, $"{actor.Name} approved the exception to {Id} \"{Definition.Title}\" until {exception.Until:yyyy-MM-dd}.", About(exception));
    }

    public void RemindException(int number, int days)
    {
        if (Data.Exceptions.FirstOrDefault(e => e.Number == number) is not { IsInForce: true } exception) return;
        foreach (var person in new[] { Definition.Owner, exception.RequestedBy }.Distinct())
            Tell(person, $"The exception to {Id} \"{Definition.Title}\" expires in {days} day(s), on {exception.Until:yyyy-MM-dd}. " +
                $"Record the evidence with `/compliance evidence {Id} …`, or ask for a renewal with `/compliance exception {Id} until:… compensating:\"…\" reason:\"…\"`.", About(exception));
    }

    /// <summary>The exception's date came: one in force expires and the control is assessed again from green; one never decided lapses.</summary>
    public void ExpireException(int number)
    {
        if (Data.Exceptions.FirstOrDefault(e => e.Number == number) is not { } exception) return;
        var machine = ControlExceptionMachine.ByTime(exception);
        if (!machine.CanFire(ControlExceptionTrigger.Expire)) return;
        if (exception.AwaitsApprover)
        {
            machine.Fire(ControlExceptionTrigger.Expire);
            Log(Actor.System, $"exception {number} lapsed undecided");
            foreach (var person in new[] { exception.RequestedBy, exception.Approver }.Distinct())
                Tell(person, $"The request for an exception to {Id} until {exception.Until:yyyy-MM-dd} lapsed on its date without a decision; ask again with a later date if it still stands.", About(exception));
            return;
        }
        machine.Fire(ControlExceptionTrigger.Expire);
        Log(Actor.System, $"exception {number} expired");
        var control = ControlMachine.For(Data);
        if (Data.ExceptionInForce is null && control.CanFire(ControlTrigger.EndException))
        {
            control.Fire(ControlTrigger.EndException);
            Data.Since = now;
        }
        foreach (var person in new[] { Definition.Owner, exception.RequestedBy }.Distinct())
            Tell(person, $"The exception to {Id} \"{Definition.Title}\" expired today; the control is assessed on its evidence again.", About(exception));
    }

    private void EndException(ControlExceptionData exception, string why)
    {
        ControlExceptionMachine.ByTime(exception).Fire(ControlExceptionTrigger.End);
        exception.Note = why;
        foreach (var days in Settings.ReminderDays) Cancel(ExceptionKey(exception, $"remind-{days}"));
        Cancel(ExceptionKey(exception, "expire"));
        Log(Actor.System, $"exception {exception.Number} ended: {why}");
    }

    public ControlExceptionData Exception(int number) => Data.Exceptions.FirstOrDefault(e => e.Number == number)
        ?? throw new RefusedException(RefusalKind.NotFound, $"{Id} has no exception {number}; it has {Data.Exceptions.Count}.", Id);

    private string About(ControlExceptionData exception) => $"{Id}/{exception.Number}";

    private string ExceptionKey(ControlExceptionData exception, string what) => $"compliance/{Id}/exception/{exception.Number}/{what}";

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
