using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Compliance;

/// <summary>A vendor or subprocessor in the register: which data it touches, where, under which agreement, and when it is next reviewed.</summary>
public sealed class Vendor(VendorData data, long version, DateTimeOffset now) : Aggregate<VendorData>(data, version)
{
    public const string Kind = "vendor";
    public const string ReviewDue = "compliance.vendor-review";

    /// <summary>A review still not recorded is asked for again this often.</summary>
    public static readonly TimeSpan RemindEvery = TimeSpan.FromDays(7);

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    private DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public static Vendor Add(long number, string name, string region, DataClass data, bool dpa, string owner, DateOnly review, string? purpose, Actor actor, DateTimeOffset now)
    {
        name = name.Trim();
        if (name.Length is 0 or > Bounds.Title)
            throw new RefusedException(RefusalKind.Invalid, $"A vendor needs a name of 1–{Bounds.Title} characters, e.g. `/compliance vendor add \"Stripe\" …`.");
        region = region.Trim().ToLowerInvariant();
        if (region.Length is 0 or > 40) throw new RefusedException(RefusalKind.Invalid, "Say where the vendor keeps the data: region:eu, region:us-east-1 (up to 40 characters).");
        var vendor = new Vendor(new VendorData
        {
            Id = $"VEN-{number}", Number = number, Name = name, Region = region, Data = data, Dpa = dpa, Owner = owner,
            Purpose = purpose is null ? null : Bounds.Text(purpose, "purpose", Bounds.Note),
            NextReview = Bounds.Ahead(review, DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), "review"), CreatedBy = actor.Id, CreatedAt = now,
        }, 0, now);
        vendor.Log(actor, $"added: {CatalogWords(data)} data in {region}, {(dpa ? "DPA signed" : "no DPA")}, review {review:yyyy-MM-dd}");
        vendor.ScheduleReview();
        if (owner != actor.Id) vendor.Tell(owner, $"{vendor.Id} {name} is yours to own in the vendor register; its review is due {review:yyyy-MM-dd}.");
        return vendor;
    }

    /// <summary>A review recorded: the vendor is current until <paramref name="next"/>; a DPA signed since is noted.</summary>
    public void Review(Actor actor, DateOnly next, bool? dpa, string notes)
    {
        EnsureOwner(actor, "record a review of");
        Fire(VendorTrigger.Review, "review");
        if (string.IsNullOrWhiteSpace(notes)) throw new RefusedException(RefusalKind.Invalid, $"Say what the review found: `/compliance vendor review {Id} next:YYYY-MM-DD notes:\"…\"`.", Id);
        Data.NextReview = Bounds.Ahead(next, Today.AddDays(1), "next", Id);
        var signed = dpa == true && !Data.Dpa;
        Data.Dpa = dpa ?? Data.Dpa;
        Data.Reviews.Add(new VendorReview(now, actor.Id, Bounds.Text(notes, "notes", Bounds.Note, Id)));
        Log(actor, $"reviewed: {notes.Trim()}; next review {next:yyyy-MM-dd}" + (signed ? "; DPA signed" : ""));
        ScheduleReview();
        if (signed && Data.RaisedRisk is { } risk)
            Tell(Data.Owner, $"{Id} {Data.Name} now has a DPA; close {risk} with `/risk close {risk} review:YYYY-MM-DD` once its sponsor agrees.");
    }

    public void Offboard(Actor actor, string reason)
    {
        EnsureOwner(actor, "offboard");
        if (string.IsNullOrWhiteSpace(reason)) throw new RefusedException(RefusalKind.Invalid, "Say why the vendor is offboarded: reason:\"…\".", Id);
        Fire(VendorTrigger.Offboard, "offboard");
        Cancel(ReviewKey);
        Log(actor, $"offboarded: {reason.Trim()}");
    }

    /// <summary>The review date came and went without a review: the owner is asked, again each week until one is recorded.</summary>
    public void RemindReview()
    {
        var machine = VendorMachine.For(Data);
        if (!machine.CanFire(VendorTrigger.FallDue) || Data.IsOffboarded) return;
        machine.Fire(VendorTrigger.FallDue);
        Tell(Data.Owner, $"The review of {Id} {Data.Name} was due {Data.NextReview:yyyy-MM-dd}. Record it with `/compliance vendor review {Id} next:YYYY-MM-DD notes:\"…\"`.");
        Schedule(new Reminder(ReviewKey, ReviewDue, Id, now + RemindEvery));
    }

    /// <summary>Raised once, when it first touches personal or sensitive data without a DPA.</summary>
    public void Raised(string riskId)
    {
        Data.RaisedRisk = riskId;
        Log(Actor.System, $"{CatalogWords(Data.Data)} data without a DPA: raised as {riskId}");
    }

    public bool MayChange(Actor actor) => actor.Id == Data.Owner || actor.Has(Roles.Ciso) || actor.Has(Roles.Admin);

    private void EnsureOwner(Actor actor, string what)
    {
        if (!MayChange(actor))
            throw new RefusedException(RefusalKind.Forbidden, $"Only {Id}'s owner ({Data.Owner}), the CISO or an admin may {what} it; you ({actor.Name}) may not.", Id);
    }

    private void Fire(VendorTrigger trigger, string what)
    {
        var machine = VendorMachine.For(Data);
        if (!machine.CanFire(trigger)) throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} is {Refusals.Words(Data.State)}, so you cannot {what} it.", Id);
        machine.Fire(trigger);
    }

    private void ScheduleReview() => Schedule(new Reminder(ReviewKey, ReviewDue, Id, new DateTimeOffset(Data.NextReview.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)));

    private string ReviewKey => $"compliance/{Id}/review";

    private void Log(Actor actor, string what) => Note(actor.Id, Kind, what, now);

    private void Tell(string person, string text) => Send(new Notification(Recipient.Person(person), text, new Subject(Kind, Id)));

    public static string CatalogWords(DataClass data) => data.ToString().ToLowerInvariant();
}
