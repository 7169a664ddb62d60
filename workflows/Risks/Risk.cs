using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Risks;

/// <summary>
/// A risk in the register and what people may do to it. The machines (risk, acceptance,
/// escalation) decide what is allowed; the risk records what to send and which reminders to set
/// or cancel, and the service stores it all in one transaction.
/// </summary>
public sealed partial class Risk(RiskData data, long version, RiskSettings settings, DateTimeOffset now) : Aggregate<RiskData>(data, version)
{
    public const string Kind = "risk";
    public const string AcceptanceKind = "risk-acceptance";
    public const string EscalationKind = "risk-escalation";
    public const string MitigationDue = "risk.mitigation-due";
    public const string AcceptanceReminder = "risk.acceptance-reminder";
    public const string AcceptanceExpiry = "risk.acceptance-expiry";
    public const string EscalationTimeout = "risk.escalation-timeout";
    public const string RedCheck = "risk.red-check";

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();
    public RiskSettings Settings { get; } = settings;

    private DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public static Risk Add(long number, string title, RiskCategory category, decimal probability, decimal impactUsd, string customerImpact,
        string owner, string sponsor, DateOnly? review, Actor actor, RiskSettings settings, DateTimeOffset now)
    {
        title = title.Trim();
        if (title.Length is 0 or > Bounds.Title)
            throw new RefusedException(RefusalKind.Invalid, $"A risk needs a title of 1–{Bounds.Title} characters, e.g. `/risk add \"Payment provider outage\" …`.");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Bounds.Money(impactUsd, "impact");
        if (review is { } date) Bounds.Ahead(date, today, "review");
        customerImpact = Bounds.Text(customerImpact, "customers", Bounds.Note);
        var data = new RiskData
        {
            Id = $"RISK-{number}", Number = number, Title = title, Category = category, Probability = probability, ImpactUsd = impactUsd,
            CustomerImpact = customerImpact, Owner = owner, Sponsor = sponsor, NextReview = review, CreatedBy = actor.Id, CreatedAt = now,
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
        Fire(RiskTrigger.Mitigate, "add a mitigation to");
        if (string.IsNullOrWhiteSpace(action)) throw new RefusedException(RefusalKind.Invalid, "Say what the mitigation is, in quotes.", Id);
        Bounds.Ahead(due, Today, "due", Id);
        var mitigation = new Mitigation { Number = Data.Mitigations.Count + 1, Action = Bounds.Text(action, "The mitigation", Bounds.Title, Id), Owner = owner, Due = due };
        Data.Mitigations.Add(mitigation);
        Schedule(new Reminder(MitigationKey(mitigation), MitigationDue, $"{Id}/{mitigation.Number}", EndOf(due)));
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
        Cancel(MitigationKey(mitigation));
        Log(actor, $"mitigation {number} shipped, evidence {mitigation.Evidence}");
    }

    /// <summary>Evidence (an incident, decision, change or URL) and leading indicators to watch, kept with the risk.</summary>
    public void Link(Actor actor, string? evidence, IReadOnlyList<string> indicators)
    {
        Fire(RiskTrigger.Link, "add evidence to");
        if (evidence is null && indicators.Count == 0)
            throw new RefusedException(RefusalKind.Invalid, $"Give evidence or indicators: `/risk link {Id} evidence:INC-4 indicators:\"p99 checkout latency; provider status page\"`.", Id);
        if (evidence is not null) Data.Evidence.Add(evidence);
        Data.Indicators.AddRange(indicators.Where(i => !Data.Indicators.Contains(i)));
        Log(actor, $"linked {string.Join(", ", new[] { evidence }.OfType<string>().Concat(indicators))}");
    }

    /// <summary>Restates probability or impact; a rating that goes up ends any acceptance (a material change, seed §4).</summary>
    public void Update(Actor actor, decimal? probability, decimal? impactUsd, string? customerImpact)
    {
        Fire(RiskTrigger.Update, "update");
        var before = Data.Rating;
        Data.Probability = probability ?? Data.Probability;
        Data.ImpactUsd = impactUsd is { } impact ? Bounds.Money(impact, "impact", Id) : Data.ImpactUsd;
        Data.CustomerImpact = customerImpact is null ? Data.CustomerImpact : Bounds.Text(customerImpact, "customers", Bounds.Note, Id);
        Data.Rating = Settings.Matrix.Rate(Data.Probability, Data.ImpactUsd);
        Log(actor, $"restated: p {Data.Probability:P0}, impact ${Data.ImpactUsd:#,0}, rated {Data.Rating.ToString().ToLowerInvariant()} (was {before.ToString().ToLowerInvariant()})");
        if (Data.Rating > before && Data.OpenAcceptance is { } acceptance)
        {
            EndAcceptance(acceptance, $"the risk got worse ({before} → {Data.Rating})");
            TellBoth($"{Id} got worse ({before} → {Data.Rating}), so its acceptance has ended and it is back in review. Ask for a new one with `/risk accept {Id} until:… reason:\"…\"` if it still stands.");
        }
        WatchIfRed();
    }

    public void Close(Actor actor, DateOnly? review)
    {
        EnsureSponsor(actor, "close this risk");
        if (review is { } date) Bounds.Ahead(date, Today, "review", Id);
        Data.NextReview = review ?? Data.NextReview;
        RiskMachine.For(Data).FireOrRefuse(RiskTrigger.Close, Id, Id);
        Decide(actor, $"closed; next review {Data.NextReview:yyyy-MM-dd}");
    }

    /// <summary>At the weekly review: a risk past its review date gets a follow-up task for its owner, once per missed date.</summary>
    public void FlagIfStale()
    {
        if (Data.IsClosed || Data.NextReview is not { } review || review >= Today) return;
        Ask(new FollowUpRequest($"risk/{Id}/stale/{review:yyyy-MM-dd}", Data.Owner,
            $"{Id} \"{Data.Title}\" is past its review date {review:yyyy-MM-dd}: review it and set the next date.", Id));
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

    public bool IsSponsorOrDelegate(Actor actor) => Sponsors.Contains(actor.Id);

    /// <summary>The sponsor and the sponsor's delegates: who decides acceptances and escalations.</summary>
    public IReadOnlyList<string> Sponsors => [Data.Sponsor, .. Settings.Delegates.GetValueOrDefault(Data.Sponsor) ?? []];

    private void WatchIfRed()
    {
        if (Data.Rating.IsRed() && Data.IsInReview)
            Schedule(new Reminder($"risk/{Id}/red-check", RedCheck, Id, (Data.LastShipped ?? now) + Settings.RedRiskShipWindow));
    }

    private Mitigation Mitigation(int number) => Data.Mitigations.FirstOrDefault(m => m.Number == number)
        ?? throw new RefusedException(RefusalKind.NotFound, $"{Id} has no mitigation {number}; it has {Data.Mitigations.Count}.", Id);

    /// <summary>Work on the risk itself, refused in words when its state does not take it ("RISK-1 is closed, so you cannot update it").</summary>
    private void Fire(RiskTrigger trigger, string what)
    {
        var machine = RiskMachine.For(Data);
        if (machine.CanFire(trigger))
        {
            machine.Fire(trigger);
            return;
        }
        var hint = machine.CanFire(RiskTrigger.Reopen) ? " Reopen it first." : "";
        throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} is {Refusals.Words(Data.State)}, so you cannot {what} it.{hint}", Id);
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

    private void Log(Actor actor, string what) => Note(actor.Id, Kind, what, now);

    private void Tell(string person, string text) => Send(new Notification(Recipient.Person(person), text, new Subject(Kind, Id)));

    private void TellBoth(string text, string? except = null)
    {
        foreach (var person in new[] { Data.Owner, Data.Sponsor }.Distinct().Where(p => p != except)) Tell(person, text);
    }

    private string MitigationKey(Mitigation mitigation) => $"risk/{Id}/mitigation/{mitigation.Number}";

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    private static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));
}
