using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Risks;

/// <summary>A risk's acceptances: asked for until a date, decided by the sponsor, reminded, expired, ended when the risk gets worse.</summary>
public sealed partial class Risk
{
    public AcceptanceData RequestAcceptance(Actor actor, DateOnly until, string reason)
    {
        Fire(RiskTrigger.RequestAcceptance, "accept");
        if (string.IsNullOrWhiteSpace(reason)) throw new RefusedException(RefusalKind.Invalid, "An acceptance needs a reason: reason:\"…\".", Id);
        if (until <= Today) throw new RefusedException(RefusalKind.Invalid, $"until:{until:yyyy-MM-dd} is not in the future; an acceptance runs to a date ahead.", Id);
        var cap = DateOnly.FromDateTime((now + Settings.MaxAcceptance).UtcDateTime);
        if (until > cap) throw new RefusedException(RefusalKind.Invalid, $"until:{until:yyyy-MM-dd} is past the cap of {Settings.MaxAcceptance.TotalDays:0} days ({cap:yyyy-MM-dd}); nothing is accepted forever.", Id);
        if (Data.Acceptances.Any(a => a.AwaitsSponsor))
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} already has an acceptance waiting for {Data.Sponsor}; wait for that decision.", Id);
        var acceptance = new AcceptanceData { Number = Data.Acceptances.Count + 1, RequestedBy = actor.Id, RequestedAt = now, Until = until, Reason = reason.Trim() };
        Data.Acceptances.Add(acceptance);
        Log(actor, $"acceptance {acceptance.Number} requested until {until:yyyy-MM-dd}: {acceptance.Reason}");
        Send(new Notification(Recipient.Person(Data.Sponsor), $"{actor.Name} asks you to accept {Id} \"{Data.Title}\" until {until:yyyy-MM-dd}.",
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
        foreach (var previous in Data.Acceptances.Where(a => a.IsInForce && a != acceptance).ToList())
            EndAcceptance(previous, $"renewed by acceptance {number}", returnToReview: false);
        RiskMachine.For(Data).FireOrRefuse(RiskTrigger.Accept, Id, Id);
        foreach (var days in Settings.ReminderDays.Distinct())
        {
            var due = new DateTimeOffset(acceptance.Until.AddDays(-days).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            if (due > now) Schedule(new Reminder(AcceptanceKey(acceptance, $"remind-{days}"), AcceptanceReminder, $"{Id}/{number}/{days}", due));
        }
        Schedule(new Reminder(AcceptanceKey(acceptance, "expire"), AcceptanceExpiry, $"{Id}/{number}", StartOf(acceptance.Until)));
        TellBoth($"{actor.Name} accepted {Id} \"{Data.Title}\" until {acceptance.Until:yyyy-MM-dd}.", except: actor.Id);
    }

    public void RemindExpiry(int number, int days)
    {
        if (Data.Acceptances.FirstOrDefault(a => a.Number == number) is not { IsInForce: true } acceptance) return;
        TellBoth($"The acceptance of {Id} \"{Data.Title}\" expires in {days} day(s), on {acceptance.Until:yyyy-MM-dd}. Renew it with `/risk accept {Id} until:… reason:\"…\"`, or mitigate.");
    }

    public void Expire(int number)
    {
        if (Data.Acceptances.FirstOrDefault(a => a.Number == number) is not { } acceptance) return;
        var machine = AcceptanceMachine.For(acceptance, () => true);
        if (!machine.CanFire(AcceptanceTrigger.Expire)) return;
        machine.Fire(AcceptanceTrigger.Expire);
        RiskMachine.For(Data).Fire(RiskTrigger.ReturnToReview);
        Data.NextReview = Today;
        Decide(Actor.System, $"acceptance {number} expired");
        TellBoth($"The acceptance of {Id} \"{Data.Title}\" expired today; the risk is back in review.");
        Ask(new FollowUpRequest($"risk/{Id}/acceptance/{number}/expired", Data.Owner,
            $"{Id} \"{Data.Title}\": its acceptance expired; mitigate it, ask for a renewal or close it.", Id));
        WatchIfRed();
    }

    private void EndAcceptance(AcceptanceData acceptance, string why, bool returnToReview = true)
    {
        AcceptanceMachine.For(acceptance, () => true).Fire(AcceptanceTrigger.End);
        acceptance.Note = why;
        foreach (var days in Settings.ReminderDays) Cancel(AcceptanceKey(acceptance, $"remind-{days}"));
        Cancel(AcceptanceKey(acceptance, "expire"));
        if (returnToReview) RiskMachine.For(Data).Fire(RiskTrigger.ReturnToReview);
        Log(Actor.System, $"acceptance {acceptance.Number} ended: {why}");
    }

    private string AcceptanceKey(AcceptanceData acceptance, string what) => $"risk/{Id}/acceptance/{acceptance.Number}/{what}";
}
