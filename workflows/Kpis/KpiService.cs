using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Kpis;

/// <summary>
/// Change control for KPI definitions: proposes, decides and puts changes in force, each in one
/// transaction with its messages and reminders. The catalog in memory is amended only after the
/// change is on disk, and re-amended from the database at start-up.
/// </summary>
public sealed class KpiService(Store store, KpiCatalog catalog, PeopleDirectory people, KpiSettings settings)
{
    public async Task<KpiChange> ProposeAsync(Actor actor, Kpi kpi, IReadOnlyDictionary<string, string> changes, string impact, string validation, string migration, DateOnly effectiveOn)
    {
        if (!actor.Has(Roles.KpiOwner) && !actor.Has(Roles.GovernanceCouncil) && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"Proposing a KPI definition change is for KPI owners, the Governance Council and admins; you ({actor.Name}) are none of these.");
        await using var unit = await store.BeginAsync();
        var number = await unit.Counters.NextAsync(KpiChange.Kind);
        var change = KpiChange.Propose(number, kpi, changes, impact, validation, migration, effectiveOn, actor, people, settings.CouncilChannel, unit.Now);
        var saved = await SaveAsync(unit, change);
        await unit.CommitAsync();
        return saved;
    }

    public async Task<KpiChange> DecideAsync(Actor actor, string id, bool approve, string? reason, long? seenVersion)
    {
        await using var unit = await store.BeginAsync();
        var change = await LoadAsync(unit, id);
        change.EnsureSeen(seenVersion);
        if (approve) change.Approve(actor);
        else change.Reject(actor, reason ?? "");
        var saved = await SaveAsync(unit, change);
        await unit.CommitAsync();
        return saved;
    }

    public async Task<KpiChange> GetAsync(string id) => await store.ReadAsync(async scope =>
    {
        var stored = await scope.Aggregates.FindAsync<KpiChangeData>(KpiChange.Kind, id)
            ?? throw new RefusedException(RefusalKind.NotFound, $"There is no KPI change called `{id}`.", id);
        return new KpiChange(stored.Body, stored.Version, scope.Now);
    });

    /// <summary>Every change ever proposed to <paramref name="kpi"/>, oldest first.</summary>
    public Task<IReadOnlyList<KpiChangeData>> HistoryAsync(string kpi) => store.ReadAsync<IReadOnlyList<KpiChangeData>>(async scope =>
        (await scope.Aggregates.ListAsync<KpiChangeData>(KpiChange.Kind)).Select(s => s.Body).Where(c => c.Kpi == kpi).ToList());

    /// <summary>At start-up: the catalog file plus every change already in force, in the order they took effect.</summary>
    public async Task ReapplyAsync()
    {
        var effective = await store.ReadAsync(scope => scope.Aggregates.ListAsync<KpiChangeData>(KpiChange.Kind, [nameof(KpiChangeState.Effective)]));
        foreach (var change in effective.Select(s => s.Body).OrderBy(c => c.TookEffectAt)) Amend(change);
    }

    /// <summary>An approved change's date came: it is in force, and the catalog in memory follows once that is on disk.</summary>
    internal async Task TakeEffectAsync(UnitOfWork unit, string id)
    {
        var change = await LoadAsync(unit, id);
        if (!change.Can(KpiChangeTrigger.TakeEffect, Actor.System)) return;
        change.TakeEffect();
        await SaveAsync(unit, change);
        unit.AfterCommit(() => { Amend(change.Data); return Task.CompletedTask; });
    }

    private void Amend(KpiChangeData change)
    {
        if (catalog.Kpis.FirstOrDefault(k => k.Id == change.Kpi) is { } kpi) catalog.Amend(KpiAmendment.Apply(kpi, change.Changes, people));
    }

    private static async Task<KpiChange> LoadAsync(UnitOfWork unit, string id)
    {
        var stored = await unit.Aggregates.FindAsync<KpiChangeData>(KpiChange.Kind, id.Trim())
            ?? throw new RefusedException(RefusalKind.NotFound, $"There is no KPI change called `{id}`; `/kpi show <kpi>` lists a KPI's changes.", id);
        return new KpiChange(stored.Body, stored.Version, unit.Now);
    }

    private static async Task<KpiChange> SaveAsync(UnitOfWork unit, KpiChange change)
    {
        var version = await unit.SaveAsync(KpiChange.Kind, change);
        return new KpiChange(change.Data, version, unit.Now);
    }
}
