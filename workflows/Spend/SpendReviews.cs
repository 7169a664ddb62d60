using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Spend;

/// <summary>Loads a week's spend review, lets it act, and saves it with its messages and reminders in one transaction.</summary>
public sealed class SpendReviews(Store store, SpendSettings settings, SpendOwners owners)
{
    /// <summary>
    /// Opens the review of <paramref name="week"/> against the week before: posts its top movers and asks the owner of each one
    /// over the threshold. A fortnight without any spend opens none, so a company that sends no spend hears nothing of it.
    /// </summary>
    public async Task<SpendReview?> OpenAsync(UnitOfWork unit, IsoWeek week)
    {
        if (await unit.Aggregates.FindAsync<SpendReviewData>(SpendReview.Kind, week.ToString()) is { } stored) return Load(stored.Body, stored.Version, unit.Now);
        var (from, to) = Days(week);
        var totals = await unit.Spend.PeriodsAsync(from.AddDays(-7), from, to);
        if (totals.Count == 0) return null;
        var report = SpendReport.Of(totals, from, to);
        var top = SpendMovers.Top(report, settings.TopMovers);
        var review = SpendReview.Open(week, report, top, settings, unit.Now);
        var completed = (await unit.Aggregates.ListAsync<ChangeData>(Change.Kind)).Select(s => s.Body)
            .Where(c => c.IsCompleted && c.FinishedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) >= from.AddDays(-1)).ToList();
        var due = top.Where(r => SpendMovers.NeedsExplaining(r, settings)).ToList();
        // Only the services asked about are read line by line: for the change behind a jump, and for the teams they moved.
        var asked = new List<SpendLine>();
        foreach (var row in due.Where(r => r.Dimension == SpendDayTotal.Service))
        {
            var lines = await unit.Spend.BetweenAsync(from.AddDays(-7), to, row.Name);
            asked.AddRange(lines);
            review.Ask(row, owners.Of(row), SpendMovers.Link(row, lines.Where(l => l.Day >= from.AddDays(-1)).ToList(), completed, from, settings));
        }
        // A team moved mostly by services already asked is not asked again: one move, one question.
        foreach (var row in due.Where(r => r.Dimension == SpendDayTotal.Team))
        {
            var byAsked = asked.Where(l => l.Team == row.Name).Sum(l => l.Day >= from ? l.Amount : -l.Amount);
            if (byAsked * 2 / row.Change >= 1) review.Data.CoveredTeams.Add(row.Name);
            else review.Ask(row, owners.Of(row), null);
        }
        review.Data.UnitCosts.AddRange(await SpendUnitCosts.PostAsync(unit, week, totals, settings));
        return await SaveAsync(unit, review);
    }

    public async Task RemindAsync(UnitOfWork unit, string moverId, bool backup)
    {
        var (week, mover) = Parse(moverId);
        if (await FindAsync(unit, week) is not { } review) return;
        if (backup) review.AskBackup(mover, owners.BackupOf(review.Data.Movers.GetValueOrDefault(mover)?.Owner ?? settings.FinOpsLead));
        else review.Remind(mover);
        await SaveAsync(unit, review);
    }

    /// <returns>The review and the mover as saved, for the card that answers.</returns>
    public async Task<(SpendReviewData Review, SpendMover Mover)> ExplainAsync(Actor actor, string moverId, string text, string? change)
    {
        var (week, mover) = Parse(moverId);
        await using var unit = await store.BeginAsync();
        var review = await RequireAsync(unit, week);
        if (change is not null && await unit.Aggregates.FindAsync<ChangeData>(Change.Kind, change) is null)
            throw new RefusedException(RefusalKind.NotFound, $"There is no change {change}; give the CHG-n of the change behind the move, or leave change: out.", moverId);
        review.Explain(mover, actor, text, change, settings.FinOpsLead);
        var saved = await SaveAsync(unit, review);
        await unit.CommitAsync();
        return (saved.Data, saved.Data.Movers[mover]);
    }

    public async Task<SpendReview> CompleteAsync(Actor actor, IsoWeek week)
    {
        if (actor.Id != settings.FinOpsLead && !actor.Has(Roles.Exec) && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"Marking a week's spend review complete is for the FinOps lead, execs and admins; you ({actor.Name}) are none of them.", week.ToString());
        await using var unit = await store.BeginAsync();
        var review = await RequireAsync(unit, week);
        review.Complete(actor);
        var saved = await SaveAsync(unit, review);
        await unit.CommitAsync();
        return saved;
    }

    public Task<SpendReviewData> ReviewAsync(IsoWeek week) => store.ReadAsync(async scope =>
        (await scope.Aggregates.FindAsync<SpendReviewData>(SpendReview.Kind, week.ToString()))?.Body
        ?? throw new RefusedException(RefusalKind.NotFound, $"There is no spend review of {week}: the weekly report opens one each Monday for the week before.", week.ToString()));

    public async Task<(SpendReviewData Review, SpendMover Mover)> MoverAsync(string moverId)
    {
        var (week, id) = Parse(moverId);
        var review = await ReviewAsync(week);
        return (review, review.Movers.GetValueOrDefault(id)
            ?? throw new RefusedException(RefusalKind.NotFound, $"{id} was not a mover over the threshold in {week}; `/spend movers week:{week}` lists those that were.", moverId));
    }

    /// <summary>The days of an ISO week, Monday to Sunday.</summary>
    public static (DateOnly From, DateOnly To) Days(IsoWeek week)
    {
        var from = DateOnly.FromDateTime(week.Start.UtcDateTime);
        return (from, from.AddDays(6));
    }

    private async Task<SpendReview?> FindAsync(UnitOfWork unit, IsoWeek week) =>
        await unit.Aggregates.FindAsync<SpendReviewData>(SpendReview.Kind, week.ToString()) is { } stored ? Load(stored.Body, stored.Version, unit.Now) : null;

    private async Task<SpendReview> RequireAsync(UnitOfWork unit, IsoWeek week) => await FindAsync(unit, week)
        ?? throw new RefusedException(RefusalKind.NotFound, $"There is no spend review of {week}: the weekly report opens one each Monday for the week before.", week.ToString());

    private SpendReview Load(SpendReviewData data, long version, DateTimeOffset now) => new(data, version, settings, now);

    private async Task<SpendReview> SaveAsync(UnitOfWork unit, SpendReview review) => Load(review.Data, await unit.SaveAsync(SpendReview.Kind, review), unit.Now);

    private static (IsoWeek Week, string Mover) Parse(string moverId)
    {
        var slash = moverId.IndexOf('/');
        if (slash > 0 && IsoWeek.TryParse(moverId[..slash]) is { } week && moverId[(slash + 1)..] is { Length: > 0 } mover) return (week, mover);
        throw new RefusedException(RefusalKind.Invalid, $"`{moverId}` does not name a week and a mover (like 2026-W47/service:payments); ask for a fresh card.");
    }
}
