using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Tasks;

using static ExecOps.Workflows.Spend.SpendFormat;

namespace ExecOps.Workflows.Spend;

/// <summary>
/// What spend does on its rhythm: each morning, yesterday's spend per service is checked against its history (an anomaly
/// opens a task, with its ticket, for the service's owner, naming the suspected causes), and the owners of non-prod spend
/// still billed after its expiry are reminded, and budgets past a threshold alert. Each Monday the week before is reviewed
/// (<see cref="SpendReview"/>), and its movers' owners reminded until they explain. The recurring ones set their next
/// occurrence in the same transaction as they run, so a restart neither skips nor repeats one.
/// </summary>
public sealed class SpendReminders(SpendSettings settings, SpendOwners owners, SpendReviews reviews) : IReminderHandler
{
    public const string AnomalyCheck = "spend.anomaly-check";
    public const string AnomalyKey = "rhythm/spend/anomaly-check";
    public const string WeeklyReport = "spend.weekly-report";
    public const string WeeklyKey = "rhythm/spend/weekly-report";

    public IReadOnlyCollection<string> Kinds { get; } = [AnomalyCheck, WeeklyReport, SpendReview.RemindDue, SpendReview.BackupDue];

    public async Task EnsureScheduledAsync(UnitOfWork unit)
    {
        await unit.Reminders.EnsurePendingAsync(Next(unit.Now));
        await unit.Reminders.EnsurePendingAsync(NextWeekly(unit.Now));
    }

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        switch (reminder.Kind)
        {
            case WeeklyReport:
                // The week that ended before the report was due, even if the bot was down when it fell due.
                await reviews.OpenAsync(unit, IsoWeek.Of(reminder.DueAt).Previous);
                await unit.Reminders.ScheduleAsync(NextWeekly(unit.Now));
                break;
            case AnomalyCheck:
                await CheckDayAsync(unit);
                break;
            default:
                await reviews.RemindAsync(unit, reminder.SubjectId, backup: reminder.Kind == SpendReview.BackupDue);
                break;
        }
    }

    private async Task CheckDayAsync(UnitOfWork unit)
    {
        var day = DateOnly.FromDateTime(unit.Now.UtcDateTime).AddDays(-1);
        var totals = await unit.Spend.TotalsAsync(day.AddDays(-settings.AnomalyWindowDays), day, SpendDayTotal.Service);
        foreach (var service in totals.Where(t => t.Day == day).Select(t => t.Name).Distinct().Order())
        {
            var mine = totals.Where(t => t.Name == service).ToDictionary(t => t.Day, t => t.Amount);
            var first = mine.Keys.Min();
            var history = Enumerable.Range(1, settings.AnomalyWindowDays).Select(back => day.AddDays(-back)).Where(d => d >= first).Select(d => mine.GetValueOrDefault(d)).ToList();
            if (SpendAnomalyRule.Check(service, day, mine[day], history,
                    settings.AnomalyThreshold, settings.AnomalyMinDelta, settings.AnomalyMinHistoryDays) is not { } anomaly) continue;
            var lines = await unit.Spend.BetweenAsync(day.AddDays(-settings.AnomalyWindowDays), day, service);
            await FollowUps.CreateAsync(unit, new FollowUpRequest($"spend/anomaly/{service}/{day:yyyy-MM-dd}", owners.OfService(service),
                $"Spend anomaly on {service}, {day:yyyy-MM-dd}: {Money(anomaly.Amount)} {settings.Currency} against a {settings.AnomalyWindowDays}-day median of {Money(anomaly.Median)} " +
                $"(robust deviation {Money(anomaly.Spread)}). Suspected: {string.Join("; ", await SuspectsAsync(unit, service, day, lines))}.", $"spend/{service}"));
        }
        await RemindExpiredAsync(unit, await unit.Spend.ExpiredAsync(day.AddDays(1 - SpendService.ExpiredLookback), day));
        await AlertBudgetsAsync(unit, await unit.Spend.TotalsAsync(new DateOnly(day.Year, day.Month, 1), day), day);
        await unit.Reminders.ScheduleAsync(Next(unit.Now));
    }

    /// <summary>Non-prod spend still billed after its expiry: one message a day to each owner, listing theirs, until it stops being billed.</summary>
    private async Task RemindExpiredAsync(UnitOfWork unit, IReadOnlyList<SpendLine> lines)
    {
        foreach (var owned in SpendReport.Expired(lines).GroupBy(e => owners.OfService(e.Service)))
            await unit.Outbox.EnqueueAsync(new Notifications.Notification(Notifications.Recipient.Person(owned.Key),
                $"Non-prod spend past its expires date is still billed: {string.Join("; ", owned.Select(e => $"{Where(e)} expired {e.Expires:yyyy-MM-dd}, billed {e.LastDay:yyyy-MM-dd} ({Money(e.LastAmount)} {settings.Currency})"))}. " +
                "Tear it down, or move its expires tag if it is still needed. `/spend expired` lists it all."));
    }

    /// <summary>A budget spent or forecast past a threshold alerts its owner and the FinOps channel, once per threshold and month.</summary>
    private async Task AlertBudgetsAsync(UnitOfWork unit, IReadOnlyList<SpendDayTotal> month, DateOnly day)
    {
        foreach (var standing in settings.Budgets.Select(b => BudgetStanding.Of(b, month, day)))
            foreach (var threshold in standing.Reached)
            {
                if (!await unit.Requests.TryClaimAsync($"spend/budget/{standing.Budget.Name}/{standing.Month:yyyy-MM}/{threshold}")) continue;
                var text = $"Budget {standing.Budget.Name} ({standing.Month:yyyy-MM}, {Money(standing.Budget.Monthly)} {settings.Currency}) has reached {threshold}%: " +
                    $"{Money(standing.Spent)} spent to {day:yyyy-MM-dd} ({standing.SpentShare * 100:0}%), {Money(standing.Forecast)} forecast for the month at the current daily rate ({standing.ForecastShare * 100:0}%).";
                var owner = standing.Budget.Owner ?? (standing.Budget.Service is { } service ? owners.OfService(service) : owners.OfTeam(standing.Budget.Team!));
                await unit.Outbox.EnqueueAsync(new Notifications.Notification(Notifications.Recipient.Person(owner), text));
                await unit.Outbox.EnqueueAsync(new Notifications.Notification(Notifications.Recipient.Channel(settings.Channel), text));
            }
    }

    private static string Where(ExpiredSpend e) => string.Join("/", new[] { e.Service, e.Team, e.Tenant }.Where(t => t.Length > 0).DefaultIfEmpty("untagged")) + $" on {e.Provider}";

    /// <summary>What may explain the jump: changes completed on the service the day before or that day, tags first seen that day, the provider line that moved most.</summary>
    private static async Task<IReadOnlyList<string>> SuspectsAsync(UnitOfWork unit, string service, DateOnly day, IReadOnlyList<SpendLine> lines)
    {
        var suspects = new List<string>();
        var from = new DateTimeOffset(day.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(2);
        var completed = (await unit.Aggregates.ListAsync<ChangeData>(Change.Kind)).Select(s => s.Body)
            .Where(c => c.Service.Equals(service, StringComparison.OrdinalIgnoreCase) && c.IsCompleted && c.FinishedAt >= from && c.FinishedAt < to).ToList();
        suspects.AddRange(completed.Select(c => $"{c.Id} \"{c.Title}\" completed {c.FinishedAt:yyyy-MM-dd HH:mm} UTC"));
        var before = lines.Where(l => l.Day < day).ToList();
        var today = lines.Where(l => l.Day == day).ToList();
        foreach (var (tag, pick) in new (string, Func<SpendLine, string>)[] { ("team", l => l.Team), ("tenant", l => l.Tenant), ("env", l => l.Env) })
            suspects.AddRange(today.Select(pick).Where(v => v.Length > 0).Distinct().Except(before.Select(pick)).Select(v => $"new tag {tag}:{v}"));
        var moved = today.GroupBy(l => l.Provider).Select(g => (Provider: g.Key, Delta: g.Sum(l => l.Amount) - (before.Count == 0 ? 0 : before.Where(l => l.Provider == g.Key).Sum(l => l.Amount) / Math.Max(1, before.Select(l => l.Day).Distinct().Count()))))
            .OrderByDescending(p => p.Delta).FirstOrDefault();
        if (moved.Provider is not null) suspects.Add($"the {moved.Provider} line moved most (+{Money(moved.Delta)} over its daily average)");
        return suspects;
    }

    private Reminder Next(DateTimeOffset after) => settings.AnomalySchedule()!.Next(AnomalyKey, AnomalyCheck, "spend", after);

    private Reminder NextWeekly(DateTimeOffset after) => settings.WeeklySchedule()!.Next(WeeklyKey, WeeklyReport, "spend", after);
}
