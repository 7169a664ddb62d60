using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Blockers;

/// <summary>Loads a blocker with its ladder from the ownership map, lets it act, and saves it with its history, messages and reminders in one transaction.</summary>
public sealed class BlockerService(Store store, OwnershipMap map, BlockerSettings settings)
{
    public async Task<Blocker> OpenAsync(Actor actor, OpenBlocker request)
    {
        var (ladder, entry) = Resolve(request.On);
        await using var unit = await store.BeginAsync();
        if (request.For is { } held && await unit.Aggregates.FindAsync<object>(held.StartsWith("CHG-") ? Change.Kind : Decision.Kind, held) is null)
            throw new RefusedException(RefusalKind.NotFound, $"There is no {(held.StartsWith("CHG-") ? "change" : "decision")} {held}; name the one this blocks, or leave for: out. Nothing was opened.", held);
        var blocker = Blocker.Open(await unit.Counters.NextAsync(Blocker.Kind), request.What, ladder, entry, request.For, actor, unit.Now);
        var saved = await SaveAsync(unit, blocker);
        await unit.CommitAsync();
        return saved;
    }

    /// <summary>Runs <paramref name="act"/> on the blocker; a card pressed after it changed carries an old <paramref name="seen"/> version and is refused.</summary>
    public async Task<Blocker> ActAsync(string id, Action<Blocker> act, long? seen = null)
    {
        await using var unit = await store.BeginAsync();
        var blocker = await LoadAsync(unit, id);
        blocker.EnsureSeen(seen);
        act(blocker);
        var saved = await SaveAsync(unit, blocker);
        await unit.CommitAsync();
        return saved;
    }

    public Task<Blocker> ReassignAsync(Actor actor, ReassignBlocker request)
    {
        var (to, entry) = Resolve(request.To);
        return ActAsync(request.Id, b => b.Reassign(actor, to, entry), request.Seen);
    }

    public Task<Blocker> GetAsync(string id) => store.ReadAsync(async scope =>
        await scope.Aggregates.FindAsync<BlockerData>(Blocker.Kind, id) is { } stored ? Load(stored.Body, stored.Version, scope.Now) : throw NotFound(id));

    /// <summary>Blockers not yet cleared, oldest first.</summary>
    public Task<IReadOnlyList<Blocker>> OpenOnesAsync() => store.ReadAsync<IReadOnlyList<Blocker>>(async scope =>
        (await scope.Aggregates.ListAsync<BlockerData>(Blocker.Kind, [nameof(BlockerState.Open), nameof(BlockerState.Escalated), nameof(BlockerState.DelayAccepted)]))
            .Select(s => Load(s.Body, s.Version, scope.Now)).OrderBy(b => b.Data.OpenedAt).ToList());

    public async Task RemindAsync(UnitOfWork unit, Reminder reminder)
    {
        if (await unit.Aggregates.FindAsync<BlockerData>(Blocker.Kind, reminder.SubjectId) is not { } stored) return;
        var blocker = Load(stored.Body, stored.Version, unit.Now);
        if (reminder.Kind == Blocker.ResumeDue) blocker.Resume();
        else blocker.Escalate();
        await SaveAsync(unit, blocker);
    }

    /// <summary>A team of the map, or the team owning an entry of it.</summary>
    private (BlockerLadder Ladder, string? Entry) Resolve(string on)
    {
        var name = on.Trim().TrimStart('#');
        if (map.FindTeam(name) is { } team) return (LadderOf(team), null);
        if (map.Find(name) is { } entry) return (LadderOf(map.TeamOf(entry)), entry.Id);
        throw new RefusedException(RefusalKind.NotFound,
            $"on:{(name.Length > 40 ? name[..40] + "…" : name)} is neither a team nor a service in the ownership map. Teams: {string.Join(", ", map.Teams.Select(t => t.Id))}; `/owner` lists the services. Nothing was changed.");
    }

    private BlockerLadder LadderOf(Team team) =>
        new(team.Id, team.Name, team.Channel, map.LeadOf(team), map.ExecOf(team), settings.Ceo, team.ResponseHours is { } hours ? TimeSpan.FromHours(hours) : settings.EscalateAfter);

    private Blocker Load(BlockerData data, long version, DateTimeOffset now) =>
        new(data, version, map.FindTeam(data.Team) is { } team ? LadderOf(team) : new BlockerLadder(data.Team, data.Team, "general", null, null, settings.Ceo, settings.EscalateAfter), now);

    private async Task<Blocker> LoadAsync(UnitOfWork unit, string id) =>
        await unit.Aggregates.FindAsync<BlockerData>(Blocker.Kind, id) is { } stored ? Load(stored.Body, stored.Version, unit.Now) : throw NotFound(id);

    private static RefusedException NotFound(string id) => new(RefusalKind.NotFound, $"There is no blocker {id}; `/blocker list` shows the open ones.", id);

    private async Task<Blocker> SaveAsync(UnitOfWork unit, Blocker blocker) => Load(blocker.Data, await unit.SaveAsync(Blocker.Kind, blocker), unit.Now);
}
