using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Decisions;

/// <summary>The decision log: proposes, decides, exports and imports decisions, each in one transaction with its messages.</summary>
public sealed class DecisionService(Store store, KpiCatalog catalog, PeopleDirectory people, DecisionSettings settings)
{
    public async Task<Decision> ProposeAsync(Actor actor, DecisionDraft draft)
    {
        if (people.Find(draft.Approver) is null) throw new RefusedException(RefusalKind.NotFound, $"approver:{draft.Approver} is not in the directory.");
        await using var unit = await store.BeginAsync();
        if (draft.Supersedes is { } older && await unit.Aggregates.FindAsync<DecisionData>(Decision.Kind, older) is not { Body.State: DecisionState.Approved })
            throw new RefusedException(RefusalKind.NotAllowedNow, $"supersedes:{older} must name an approved decision.");
        var day = DateOnly.FromDateTime(unit.Now.UtcDateTime);
        var number = await unit.Counters.NextAsync($"{Decision.Kind}/{day:yyyy-MM-dd}");
        var approver = Actor.For(people.Find(draft.Approver) ?? throw new RefusedException(RefusalKind.NotFound, $"approver:{draft.Approver} is not in the directory."));
        var decision = Decision.Propose($"DEC-{day:yyyy-MM-dd}-{number:00}", draft, actor, approver, settings.ApproverRole, catalog, unit.Now);
        var saved = await SaveAsync(unit, decision);
        await unit.CommitAsync();
        return saved;
    }

    public async Task<Decision> DecideAsync(Actor actor, string id, bool approve, long? seenVersion)
    {
        await using var unit = await store.BeginAsync();
        var decision = await LoadAsync(unit, id);
        decision.EnsureSeen(seenVersion);
        if (approve) decision.Approve(actor);
        else decision.Reject(actor);
        if (approve) await DecisionReminders.ScheduleAsync(unit, decision.Data);
        if (approve && decision.Data.Supersedes is { } older)
        {
            var previous = await LoadAsync(unit, older);
            previous.SupersededBy(decision.Id);
            await SaveAsync(unit, previous);
        }
        var saved = await SaveAsync(unit, decision);
        await unit.CommitAsync();
        return saved;
    }

    public Task<Decision> GetAsync(string id) => store.ReadAsync(async scope =>
    {
        var stored = await scope.Aggregates.FindAsync<DecisionData>(Decision.Kind, id.Trim()) ?? throw NotFound(id);
        return new Decision(stored.Body, stored.Version, scope.Now);
    });

    /// <summary>Decisions made on or after <paramref name="since"/>, oldest first.</summary>
    public Task<IReadOnlyList<DecisionData>> SinceAsync(DateOnly? since) => store.ReadAsync<IReadOnlyList<DecisionData>>(async scope =>
        (await scope.Aggregates.ListAsync<DecisionData>(Decision.Kind)).Select(s => s.Body)
            .Where(d => since is null || string.CompareOrdinal(d.Id, $"DEC-{since:yyyy-MM-dd}") >= 0).OrderBy(d => d.Id, StringComparer.Ordinal).ToList());

    /// <summary>Stores decisions read from an exported log; those already in the log are left as they are. All or nothing.</summary>
    public async Task<(int Imported, int Present)> ImportAsync(IReadOnlyList<DecisionData> decisions)
    {
        await using var unit = await store.BeginAsync();
        var imported = 0;
        foreach (var decision in decisions)
        {
            if (await unit.Aggregates.FindAsync<DecisionData>(Decision.Kind, decision.Id) is not null) continue;
            Decision.CheckGuardrails(decision.Guardrails, catalog);
            decision.CreatedAt = unit.Now;
            await unit.Aggregates.InsertAsync(Decision.Kind, decision.Id, decision.State.ToString(), decision);
            await unit.AuditAsync(decision.Id);
            imported++;
        }
        await unit.CommitAsync();
        return (imported, decisions.Count - imported);
    }

    private static async Task<Decision> LoadAsync(UnitOfWork unit, string id)
    {
        var stored = await unit.Aggregates.FindAsync<DecisionData>(Decision.Kind, id.Trim()) ?? throw NotFound(id);
        return new Decision(stored.Body, stored.Version, unit.Now);
    }

    private static RefusedException NotFound(string id) => new(RefusalKind.NotFound, $"There is no decision called `{id}`.", id);

    private static async Task<Decision> SaveAsync(UnitOfWork unit, Decision decision)
    {
        var version = await unit.SaveAsync(Decision.Kind, decision);
        return new Decision(decision.Data, version, unit.Now);
    }
}
