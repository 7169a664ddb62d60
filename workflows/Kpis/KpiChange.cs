using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Machines;
using Stateless;

namespace ExecOps.Workflows.Kpis;

/// <summary>
/// A proposed change to a KPI's definition and its way through change control (seed §3). The
/// change records what to announce and when to take effect; the service stores it all together.
/// </summary>
public sealed class KpiChange(KpiChangeData data, long version, DateTimeOffset now) : Aggregate<KpiChangeData>(data, version)
{
    public const string Kind = "kpi-change";
    public const string EffectiveDue = "kpi.change-effective";

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    public bool Can(KpiChangeTrigger trigger, Actor actor) => Machine(actor).CanFire(trigger);

    public static KpiChange Propose(long number, Kpi kpi, IReadOnlyDictionary<string, string> changes, string impact, string validation, string migration,
        DateOnly effectiveOn, Actor actor, PeopleDirectory people, string councilChannel, DateTimeOffset now)
    {
        if (changes.Count == 0)
            throw new RefusedException(RefusalKind.Invalid, $"Say what changes, as one or more of {string.Join(", ", KpiAmendment.Fields.Select(f => f + ":…"))}.");
        var missing = new[] { ("impact", impact), ("validation", validation), ("migration", migration) }.Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"A definition change needs {string.Join(", ", missing.Select(m => m + ":\"…\""))} (its impact analysis, data-quality validation and migration plan). Nothing was proposed.");
        Bounds.Ahead(effectiveOn, DateOnly.FromDateTime(now.UtcDateTime), "effective");
        KpiAmendment.Apply(kpi, changes, people);
        var data = new KpiChangeData
        {
            Id = $"RFC-{number}", Kpi = kpi.Id, Changes = changes.ToDictionary(), Before = changes.Keys.ToDictionary(f => f, f => KpiAmendment.Current(kpi, f)),
            Impact = impact.Trim(), Validation = validation.Trim(), Migration = migration.Trim(), EffectiveOn = effectiveOn, ProposedBy = actor.Id, ProposedAt = now,
        };
        var change = new KpiChange(data, 0, now);
        change.Send(new Notification(Recipient.Channel(councilChannel),
            $"{data.Id}: {actor.Name} proposes changing {kpi.Name} ({string.Join(", ", data.Changes.Keys)}), effective {effectiveOn:yyyy-MM-dd}. The Governance Council decides on the card.",
            new Subject(Kind, data.Id)));
        return change;
    }

    public void Approve(Actor actor)
    {
        Decide(actor, KpiChangeTrigger.Approve, null);
        var due = new DateTimeOffset(Data.EffectiveOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Schedule(new Reminder($"kpi-change/{Id}/effective", EffectiveDue, Id, due > now ? due : now));
    }

    public void Reject(Actor actor, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new RefusedException(RefusalKind.Invalid, "Say why the change is rejected, so the proposer knows what to fix.", Id);
        Decide(actor, KpiChangeTrigger.Reject, reason.Trim());
    }

    /// <summary>Marks the change in force; the caller amends the catalog.</summary>
    public void TakeEffect()
    {
        Fire(KpiChangeTrigger.TakeEffect, Actor.System);
        Data.TookEffectAt = now;
        Send(new Notification(Recipient.Person(Data.ProposedBy), $"{Id} is in force: {Data.Kpi} is now measured by its new definition."));
    }

    private void Decide(Actor actor, KpiChangeTrigger trigger, string? reason)
    {
        if (!actor.Has(Roles.GovernanceCouncil))
            throw new RefusedException(RefusalKind.Forbidden, $"Only the Governance Council decides KPI definition changes; you ({actor.Name}) are not on it.", Id);
        Fire(trigger, actor);
        Data.DecidedBy = actor.Id;
        Data.DecidedAt = now;
        Data.Reason = reason;
        var verdict = trigger == KpiChangeTrigger.Approve ? $"approved; it takes effect on {Data.EffectiveOn:yyyy-MM-dd}" : $"rejected: {reason}";
        Send(new Notification(Recipient.Person(Data.ProposedBy), $"{Id} ({Data.Kpi}) was {verdict} by {actor.Name}.", new Subject(Kind, Id)));
    }

    private void Fire(KpiChangeTrigger trigger, Actor actor)
    {
        var check = Machine(actor).Check(trigger);
        if (!check.IsAllowed)
            throw new RefusedException(RefusalKind.NotAllowedNow,
                $"{Id} is {Data.State.ToString().ToLowerInvariant()}, so it cannot be {Past(trigger)}" + (check.Needs.Count > 0 ? $": that needs {string.Join("; ", check.Needs)}." : "."), Id);
        Machine(actor).Fire(trigger);
    }

    private StateMachine<KpiChangeState, KpiChangeTrigger> Machine(Actor actor) => KpiChangeMachine.For(Data, () => actor.Id != Data.ProposedBy);

    private static string Past(KpiChangeTrigger trigger) => trigger switch
    {
        KpiChangeTrigger.Approve => "approved",
        KpiChangeTrigger.Reject => "rejected",
        _ => "put in force",
    };
}
