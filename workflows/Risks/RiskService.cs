using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Risks;

/// <summary>Loads a risk, lets it act, and saves it with its history, messages and reminders in one transaction.</summary>
public sealed class RiskService(Store store, RiskSettings settings, PeopleDirectory people)
{
    public const string WeeklyReview = "risk.weekly-review";
    public const string WeeklyReviewKey = "rhythm/risks/weekly-review";
    public const string ReviewKind = "risk-review";
    public const string ReviewItemKind = "risk-review-item";

    /// <summary>Item cards posted with the weekly agenda; the rest are in its summary.</summary>
    public const int ReviewItems = 10;

    /// <returns>The risk, and whether its owner or sponsor was left to the default (the reply says so).</returns>
    public async Task<(Risk Risk, bool OwnerDefaulted, bool SponsorDefaulted)> AddAsync(Actor actor, string title, RiskCategory category, decimal probability, decimal impactUsd,
        string customerImpact, string? owner, string? sponsor, DateOnly? review)
    {
        if (!actor.IsKnown) throw new RefusedException(RefusalKind.Forbidden, "Only people in the directory may add risks.");
        var ownerPerson = people.Find(owner);
        var sponsorPerson = sponsor is null ? null : people.Find(sponsor)
            ?? throw new RefusedException(RefusalKind.NotFound, $"sponsor:{sponsor} is not in the directory; name an exec sponsor by directory id or @handle.");
        await using var unit = await store.BeginAsync();
        var number = await unit.Counters.NextAsync(Risk.Kind);
        var risk = Risk.Add(number, title, category, probability, impactUsd, customerImpact, ownerPerson?.Id ?? settings.DefaultOwner,
            sponsorPerson?.Id ?? settings.DefaultOwner, review, actor, settings, unit.Now);
        var saved = await SaveAsync(unit, risk);
        await unit.CommitAsync();
        return (saved, ownerPerson is null, sponsorPerson is null);
    }

    /// <summary>
    /// Runs <paramref name="act"/> on the risk; a card pressed after the risk changed carries an old
    /// <paramref name="seenVersion"/> and is refused, as is <paramref name="evidence"/> naming a record that does not exist.
    /// </summary>
    public async Task<Risk> ActAsync(string id, Action<Risk> act, long? seenVersion = null, string? evidence = null)
    {
        await using var unit = await store.BeginAsync();
        var risk = await LoadAsync(unit, id);
        risk.EnsureSeen(seenVersion);
        act(risk);
        await RiskEvidence.EnsureExistsAsync(unit, evidence, risk.Id);
        var saved = await SaveAsync(unit, risk);
        await unit.CommitAsync();
        return saved;
    }

    public Task<Risk> GetAsync(string id) => store.ReadAsync(async scope =>
    {
        var stored = await scope.Aggregates.FindAsync<RiskData>(Risk.Kind, id.Trim()) ?? throw NotFound(id);
        return new Risk(stored.Body, stored.Version, settings, scope.Now);
    });

    /// <summary>The top risks by exposure, open and accepted alike (closed ones are done).</summary>
    public Task<IReadOnlyList<RiskData>> TopAsync(int count) => store.ReadAsync<IReadOnlyList<RiskData>>(async scope =>
        (await scope.Aggregates.ListAsync<RiskData>(Risk.Kind, [nameof(RiskState.Open), nameof(RiskState.Accepted)]))
            .Select(s => s.Body).OrderByDescending(r => r.Exposure).ThenBy(r => r.Number).Take(count).ToList());

    /// <summary>The agenda as it stands: what `/risk review` shows and the weekly post carries.</summary>
    public Task<IReadOnlyList<AgendaItem>> AgendaAsync() => store.ReadAsync(async scope =>
        RiskAgenda.For((await scope.Aggregates.ListAsync<RiskData>(Risk.Kind)).Select(s => s.Body), DateOnly.FromDateTime(scope.Now.UtcDateTime)));

    internal async Task<Risk> LoadAsync(UnitOfWork unit, string id)
    {
        var stored = await unit.Aggregates.FindAsync<RiskData>(Risk.Kind, id.Trim()) ?? throw NotFound(id);
        return new Risk(stored.Body, stored.Version, settings, unit.Now);
    }

    private static RefusedException NotFound(string id) =>
        new(RefusalKind.NotFound, $"There is no risk called `{id}`; `/risk top` lists the register.", id);

    internal async Task<Risk> SaveAsync(UnitOfWork unit, Risk risk)
    {
        var version = await unit.SaveAsync(Risk.Kind, risk);
        return new Risk(risk.Data, version, settings, unit.Now);
    }
}
