using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>Loads a week's variance review, lets it act, and saves it with its messages and reminders in one transaction.</summary>
public sealed class ScoreboardService(Store store, KpiCatalog catalog, ScoreboardQueries queries, ScoreboardSettings settings, KpiSettings kpis)
{
    public static async Task<VarianceReviewData?> FindAsync(AggregateRows aggregates, IsoWeek week) =>
        (await aggregates.FindAsync<VarianceReviewData>(VarianceReview.Kind, week.ToString()))?.Body;

    /// <summary>Opens the review of <paramref name="week"/>, asks the owner of every KPI red at its end, and tickets KPIs nobody owns.</summary>
    public async Task OpenAsync(UnitOfWork unit, IsoWeek week)
    {
        var review = await LoadOrOpenAsync(unit, week);
        foreach (var kpi in await RedAsync(unit, week)) review.Ask(kpi, kpis.EscalationOwner);
        foreach (var kpi in catalog.Unowned) review.TicketUnowned(kpi, kpis.EscalationOwner);
        await SaveAsync(unit, review);
    }

    public async Task<VarianceReview> AnswerAsync(Actor actor, string promptId, string cause, string action, DateOnly recoveryBy)
    {
        var (week, kpi) = ParsePrompt(promptId);
        return await ActAsync(week, review => review.Answer(kpi, actor, cause, action, recoveryBy));
    }

    public async Task<VarianceReview> CompleteAsync(Actor actor, IsoWeek week)
    {
        if (!actor.Has(Roles.Exec) && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"Marking a week complete is for execs and admins; you ({actor.Name}) are neither.", week.ToString());
        await using var unit = await store.BeginAsync();
        if (week.End > unit.Now)
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{week} is not over yet (it ends {week.End:yyyy-MM-dd}); a week is marked complete once its numbers are in.", week.ToString());
        var review = await LoadOrOpenAsync(unit, week);
        var red = await RedAsync(unit, week);
        try
        {
            review.Complete(actor, red, kpis.EscalationOwner);
        }
        catch (RefusedException)
        {
            // The refusal stands, but the owners it names are asked now rather than waiting for the next run.
            await SaveAsync(unit, review);
            await unit.CommitAsync();
            throw;
        }
        await SaveAsync(unit, review);
        await unit.CommitAsync();
        return review;
    }

    /// <summary>Runs a reminder's step on the prompt it is about, inside the reminder's unit of work.</summary>
    public async Task RemindAsync(UnitOfWork unit, string promptId, bool backup)
    {
        var (week, kpi) = ParsePrompt(promptId);
        var review = await LoadOrOpenAsync(unit, week);
        if (backup) review.AskBackup(kpi, kpis.EscalationOwner);
        else review.Remind(kpi);
        await SaveAsync(unit, review);
    }

    public async Task<(VarianceReviewData Review, VariancePrompt Prompt, Kpi Kpi)> PromptAsync(string promptId)
    {
        var (week, kpi) = ParsePrompt(promptId);
        var review = await store.ReadAsync(scope => FindAsync(scope.Aggregates, week));
        var prompt = review?.Prompts.GetValueOrDefault(kpi.Id)
            ?? throw new RefusedException(RefusalKind.NotFound, $"Nobody was asked for commentary on {kpi.Name} in {week}.", promptId);
        return (review!, prompt, kpi);
    }

    private async Task<VarianceReview> ActAsync(IsoWeek week, Action<VarianceReview> act)
    {
        await using var unit = await store.BeginAsync();
        var review = await LoadOrOpenAsync(unit, week);
        act(review);
        var saved = await SaveAsync(unit, review);
        await unit.CommitAsync();
        return saved;
    }

    private async Task<IReadOnlyList<Kpi>> RedAsync(UnitOfWork unit, IsoWeek week) =>
        (await queries.SnapshotAsync(unit, Actor.System, Slice.Company, week)).Red.Select(l => l.Kpi).ToList();

    private async Task<VarianceReview> LoadOrOpenAsync(UnitOfWork unit, IsoWeek week)
    {
        var stored = await unit.Aggregates.FindAsync<VarianceReviewData>(VarianceReview.Kind, week.ToString());
        return stored is null ? VarianceReview.Open(week, settings, unit.Now) : new VarianceReview(stored.Body, stored.Version, settings, unit.Now);
    }

    private static async Task<VarianceReview> SaveAsync(UnitOfWork unit, VarianceReview review)
    {
        var version = await unit.SaveAsync(VarianceReview.Kind, review);
        return new VarianceReview(review.Data, version, review.Settings, unit.Now);
    }

    private (IsoWeek Week, Kpi Kpi) ParsePrompt(string promptId)
    {
        var parts = promptId.Split('/');
        if (parts.Length == 2 && IsoWeek.TryParse(parts[0]) is { } week && catalog.Find(parts[1]) is { } kpi) return (week, kpi);
        throw new RefusedException(RefusalKind.Invalid, $"`{promptId}` does not name a week and a KPI (like 2026-W47/uptime); ask for a fresh card.");
    }
}
