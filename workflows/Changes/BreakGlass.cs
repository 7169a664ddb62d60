using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Changes;

/// <summary>
/// Break glass (seed §5): emergency access to a service at once, for at most the cap, told to the
/// security channel; it expires by itself, and a post-event review is due within 48 hours, its owner
/// reminded every day until it is filed.
/// </summary>
public sealed class BreakGlass(BreakGlassData data, long version, ChangeSettings settings, DateTimeOffset now) : Aggregate<BreakGlassData>(data, version)
{
    public const string Kind = "breakglass";
    public const string ExpiryDue = "breakglass.expiry";
    public const string ReviewDue = "breakglass.review";
    public static readonly TimeSpan ReviewWithin = TimeSpan.FromHours(48);

    /// <summary>`Webhooks:breakglass`: an identity system told of each grant and its end, signed, so it can open and close the access.</summary>
    public static readonly Recipient Hook = Recipient.Webhook("breakglass");

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    public static BreakGlass Grant(long number, Actor actor, string service, string reason, TimeSpan duration, ChangeSettings settings, OwnershipMap map, DateTimeOffset now)
    {
        var entry = map.Require(service);
        var (owner, approver) = (map.AnswersFor(entry), map.ApproverOf(entry));
        if (!BreakGlassMachine.IsEntitled(actor, owner, approver))
            throw new RefusedException(RefusalKind.Forbidden,
                $"You ({actor.Name}) may not break glass on {entry.Id}: emergency access is for {BreakGlassMachine.Entitled} ({string.Join(", ", new[] { owner, approver }.OfType<string>().Distinct())}). Ask one of them, or the incident commander.");
        if (string.IsNullOrWhiteSpace(reason)) throw new RefusedException(RefusalKind.Invalid, "Break glass needs a reason:\"…\"; it is read by security and at the review.");
        if (duration <= TimeSpan.Zero || duration > settings.BreakGlassCap)
            throw new RefusedException(RefusalKind.Invalid, $"duration must be more than 0 and at most {settings.BreakGlassCap.TotalHours:0} h (Changes:BreakGlassCap), e.g. duration:2h.");
        var data = new BreakGlassData { Id = $"BG-{number}", Person = actor.Id, PersonName = actor.Name, Service = entry.Id, Reason = reason.Trim(), GrantedAt = now, Until = now + duration };
        var grant = new BreakGlass(data, 0, settings, now);
        grant.Send(new Notification(Recipient.Channel(settings.SecurityChannel),
            $"🔓 Break glass {data.Id}: {actor.Name} has emergency access to {data.Service} until {data.Until:HH:mm} UTC. Reason: {data.Reason}"));
        grant.Send(new Notification(Hook, $"grant {data.Id}: {actor.Id} ({actor.Person?.Email}) may use {data.Service} from {now:yyyy-MM-ddTHH:mm:ssZ} until {data.Until:yyyy-MM-ddTHH:mm:ssZ}. Reason: {data.Reason}"));
        grant.Schedule(new Reminder($"breakglass/{data.Id}/expiry", ExpiryDue, data.Id, data.Until));
        grant.Schedule(new Reminder($"breakglass/{data.Id}/review", ReviewDue, data.Id, now + ReviewWithin));
        return grant;
    }

    public void Expire()
    {
        var machine = BreakGlassMachine.For(Data);
        if (!machine.CanFire(BreakGlassTrigger.Expire)) return;
        machine.Fire(BreakGlassTrigger.Expire);
        Send(new Notification(Recipient.Channel(settings.SecurityChannel), $"🔒 {Data.Id} expired: {Data.PersonName ?? Data.Person}'s emergency access to {Data.Service} has ended."));
        Send(new Notification(Hook, $"revoke {Data.Id}: {Data.Person} no longer uses {Data.Service}, since {now:yyyy-MM-ddTHH:mm:ssZ}."));
        Send(new Notification(Recipient.Person(Data.Person), $"Your emergency access {Data.Id} to {Data.Service} has ended. File its review by {Data.GrantedAt + ReviewWithin:yyyy-MM-dd HH:mm} UTC: `/breakglass review {Data.Id} \"…\"`."));
    }

    /// <summary>The review is due: remind its owner, and again a day later, until it is filed.</summary>
    public void RemindReview()
    {
        if (Data.Review is not null) return;
        var overdue = now > Data.GrantedAt + ReviewWithin ? " It is overdue." : "";
        Send(new Notification(Recipient.Person(Data.Person), $"The post-event review of {Data.Id} ({Data.Service}, {Data.GrantedAt:yyyy-MM-dd HH:mm} UTC) is due.{overdue} File it: `/breakglass review {Data.Id} \"what was done and why\"`."));
        Schedule(new Reminder($"breakglass/{Data.Id}/review", ReviewDue, Data.Id, now.AddDays(1)));
    }

    public void FileReview(Actor actor, string review)
    {
        if (actor.Id != Data.Person) throw new RefusedException(RefusalKind.Forbidden, $"{Data.Id}'s review is {Data.PersonName ?? Data.Person}'s to file.", Data.Id);
        if (string.IsNullOrWhiteSpace(review)) throw new RefusedException(RefusalKind.Invalid, "Say what was done and why, in quotes.", Data.Id);
        if (Data.Review is not null) throw new RefusedException(RefusalKind.NotAllowedNow, $"{Data.Id}'s review was filed on {Data.ReviewedAt:yyyy-MM-dd}.", Data.Id);
        Data.Review = review.Trim();
        Data.ReviewedAt = now;
        Send(new Notification(Recipient.Channel(settings.SecurityChannel), $"{Data.Id} review filed by {actor.Name}: {Data.Review}"));
    }
}
