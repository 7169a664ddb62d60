using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Resilience;

/// <summary>
/// DR drills and the game-day catalog, each result stored with its timeline and messages in one transaction; a failure opens a
/// Reliability risk in the register there and then, with the drill or game day as its evidence. And the scorecard, read from them.
/// </summary>
public sealed class ResilienceService(Store store, OwnershipMap map, PeopleDirectory people, ResilienceSettings settings, RiskService risks, RiskSettings riskSettings)
{
    public const string DrKind = "dr-drill";

    public async Task<DrDrill> RecordDrillAsync(Actor actor, RecordDrDrill request)
    {
        var entry = Critical(request.Service);
        EnsureMayRecord(actor, entry, $"record {entry.Id}'s DR drill");
        await using var unit = await store.BeginAsync();
        var stored = await unit.Aggregates.FindAsync<DrHistory>(DrKind, entry.Id);
        var history = stored?.Body ?? new DrHistory { Entry = entry.Id };
        var drill = new DrDrill(unit.Now, actor.Id, request.Passed, request.Recovery, request.DataLoss, request.Notes, null);
        if (!drill.Met(entry.Rto, entry.Rpo))
        {
            var why = !drill.Passed ? "failed" : drill.Recovery > entry.Rto ? $"recovered in {Minutes(drill.Recovery)}, past its RTO of {Minutes(entry.Rto!.Value)}" : $"lost {Minutes(drill.DataLoss!.Value)} of data, past its RPO of {Minutes(entry.Rpo!.Value)}";
            var risk = await RaiseAsync(unit, actor, entry, $"{entry.Name} DR drill {why}", $"DR drill of {entry.Id} on {unit.Now:yyyy-MM-dd}: {why}. {request.Notes}");
            drill = drill with { RaisedRisk = risk };
            await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(settings.Channel), $"The DR drill of {entry.Id} {why}: {request.Notes}. {risk} is open in the risk register."));
        }
        history.Drills.Add(drill);
        await unit.ClaimRequestAsync();
        await unit.Aggregates.SaveAsync(DrKind, entry.Id, "drilled", history, stored?.Version ?? 0);
        await unit.AuditAsync(entry.Id);
        await unit.CommitAsync();
        return drill;
    }

    public async Task<GameDay> PlanAsync(Actor actor, PlanGameDay request)
    {
        var entry = Critical(request.Service);
        await using var unit = await store.BeginAsync();
        var gameDay = GameDay.Plan(await unit.Counters.NextAsync(GameDay.Kind), request.Name, entry.Id, request.Scenario, request.On, map.AnswersFor(entry), actor, settings, unit.Now);
        var saved = await SaveAsync(unit, gameDay);
        await unit.CommitAsync();
        return saved;
    }

    public async Task<GameDay> RecordAsync(Actor actor, RecordGameDay request)
    {
        var with = request.With.Select(p => people.Require(p).Id).ToList();
        await using var unit = await store.BeginAsync();
        var gameDay = await LoadAsync(unit, request.Id);
        var entry = map.Require(gameDay.Data.Service);
        gameDay.Record(actor, request.Passed, request.Notes, with, MayRecord(actor, entry));
        if (!request.Passed)
            gameDay.Data.RaisedRisk = await RaiseAsync(unit, actor, entry, $"{entry.Name} game day failed: {Cut(gameDay.Data.Name)}", $"Game day {gameDay.Id} \"{gameDay.Data.Name}\" ({gameDay.Data.Scenario}) failed: {request.Notes}");
        var saved = await SaveAsync(unit, gameDay);
        await unit.CommitAsync();
        return saved;
    }

    public Task<IReadOnlyList<GameDayData>> GameDaysAsync() => store.ReadAsync<IReadOnlyList<GameDayData>>(async scope =>
        (await scope.Aggregates.ListAsync<GameDayData>(GameDay.Kind)).Select(s => s.Body).OrderBy(g => g.On).ThenBy(g => g.Number).ToList());

    public Task<IReadOnlyList<ScorecardRow>> ScorecardAsync() => store.ReadAsync<IReadOnlyList<ScorecardRow>>(async scope =>
    {
        var gameDays = (await scope.Aggregates.ListAsync<GameDayData>(GameDay.Kind)).Select(s => s.Body).ToList();
        var openRisks = (await scope.Aggregates.ListAsync<RiskData>(Risk.Kind)).Select(s => s.Body).Where(r => !r.IsClosed).Select(r => r.Id).ToHashSet();
        var rows = new List<ScorecardRow>();
        foreach (var entry in map.Entries.Where(e => e.IsCritical).OrderBy(e => e.Tier).ThenBy(e => e.Id))
        {
            var drills = (await scope.Aggregates.FindAsync<DrHistory>(DrKind, entry.Id))?.Body.Drills ?? [];
            var rollback = (await scope.Aggregates.FindAsync<DrillHistory>(Drills.Kind, entry.Id))?.Body.Results.LastOrDefault()?.At;
            var ran = gameDays.Where(g => g.Service == entry.Id && g.WasRun && g.RecordedAt >= scope.Now - settings.GameDayEvery).ToList();
            var execs = ran.SelectMany(g => g.Participants).Distinct().Where(p => people.Find(p)?.Has(Roles.Exec) == true).ToList();
            var raised = drills.Select(d => d.RaisedRisk).Concat(gameDays.Where(g => g.Service == entry.Id).Select(g => g.RaisedRisk)).OfType<string>().Where(openRisks.Contains).ToList();
            var last = drills.LastOrDefault();
            var (readiness, why) = last is null ? (Readiness.Red, "no DR drill on record")
                : last.At + settings.DrDrillEvery < scope.Now ? (Readiness.Red, $"DR drill overdue since {last.At + settings.DrDrillEvery:yyyy-MM-dd}")
                : !last.Met(entry.Rto, entry.Rpo) ? (Readiness.Red, "the last DR drill missed its targets")
                : ran.Count == 0 ? (Readiness.Yellow, $"no game day in {settings.GameDayEvery.TotalDays:0} days")
                : (Readiness.Green, "drilled within its targets, game day run");
            rows.Add(new ScorecardRow(entry.Id, entry.Name, entry.Tier, entry.Rto, entry.Rpo, last, rollback, ran, execs, raised, readiness, why));
        }
        return rows;
    });

    public async Task RemindAsync(UnitOfWork unit, Reminder reminder)
    {
        if (await unit.Aggregates.FindAsync<GameDayData>(GameDay.Kind, reminder.SubjectId) is not { } stored) return;
        var gameDay = new GameDay(stored.Body, stored.Version, settings, unit.Now);
        if (map.Find(gameDay.Data.Service) is { } entry && map.AnswersFor(entry) is { } owner) gameDay.Remind(owner);
        await SaveAsync(unit, gameDay);
    }

    private async Task<string> RaiseAsync(UnitOfWork unit, Actor actor, OwnedEntry entry, string title, string impact)
    {
        var owner = map.AnswersFor(entry) ?? riskSettings.DefaultOwner;
        var sponsor = map.ExecOf(map.TeamOf(entry)) ?? riskSettings.DefaultOwner;
        var risk = Risk.Add(await unit.Counters.NextAsync(Risk.Kind), Cut(title), RiskCategory.Reliability, settings.RiskProbability, settings.RiskImpactUsd, impact, owner, sponsor, null, actor, riskSettings, unit.Now);
        risk.Data.Evidence.Add(impact);
        await risks.SaveAsync(unit, risk);
        return risk.Id;
    }

    private OwnedEntry Critical(string service) => map.Require(service) is { IsCritical: true } entry ? entry
        : throw new RefusedException(RefusalKind.Invalid, $"{service} is not Tier 0 or 1; the scorecard, DR drills and game days are for {string.Join(", ", map.Entries.Where(e => e.IsCritical).Select(e => e.Id))}.", service);

    private bool MayRecord(Actor actor, OwnedEntry entry) => actor.Id == map.AnswersFor(entry) || actor.Has(Roles.IncidentCommander) || actor.Has(Roles.Admin);

    private void EnsureMayRecord(Actor actor, OwnedEntry entry, string what)
    {
        if (!MayRecord(actor, entry))
            throw new RefusedException(RefusalKind.Forbidden, $"Only {GameDayMachine.Recorders} may {what}; you ({actor.Name}) are none of them.", entry.Id);
    }

    private async Task<GameDay> LoadAsync(UnitOfWork unit, string id) =>
        await unit.Aggregates.FindAsync<GameDayData>(GameDay.Kind, id) is { } stored ? new GameDay(stored.Body, stored.Version, settings, unit.Now)
            : throw new RefusedException(RefusalKind.NotFound, $"There is no game day {id}; `/resilience gameday list` shows the catalog.", id);

    private async Task<GameDay> SaveAsync(UnitOfWork unit, GameDay gameDay) => new(gameDay.Data, await unit.SaveAsync(GameDay.Kind, gameDay), settings, unit.Now);

    private static string Minutes(TimeSpan span) => $"{span.TotalMinutes:0} min";

    private static string Cut(string text) => text.Length <= 150 ? text : text[..149] + "…";
}
