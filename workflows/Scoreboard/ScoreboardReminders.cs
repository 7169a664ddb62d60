using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// The scoreboard's part of the rhythm: the weekly variance review (on its cron schedule), the
/// freshness check (every few minutes), and the reminders of unanswered commentary prompts. The
/// recurring ones set their next occurrence in the same transaction as they run, so a restart
/// neither skips nor repeats one.
/// </summary>
public sealed class ScoreboardReminders(ScoreboardService reviews, FreshnessWatch freshness, ScoreboardSettings settings) : IReminderHandler
{
    public const string WeeklyReview = "scoreboard.weekly-review";
    public const string FreshnessCheck = "scoreboard.freshness-check";
    public const string WeeklyReviewKey = "rhythm/scoreboard/weekly-review";
    public const string FreshnessCheckKey = "rhythm/scoreboard/freshness-check";

    public IReadOnlyCollection<string> Kinds { get; } = [WeeklyReview, FreshnessCheck, VarianceReview.RemindDue, VarianceReview.BackupDue];

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        switch (reminder.Kind)
        {
            case WeeklyReview:
                // The week that ended before the review was due, even if the bot was down when it fell due.
                await reviews.OpenAsync(unit, IsoWeek.Of(reminder.DueAt).Previous);
                await unit.Reminders.ScheduleAsync(NextWeeklyReview(unit.Now));
                break;
            case FreshnessCheck:
                await freshness.CheckAsync(unit);
                await unit.Reminders.ScheduleAsync(NextFreshnessCheck(unit.Now));
                break;
            default:
                await reviews.RemindAsync(unit, reminder.SubjectId, backup: reminder.Kind == VarianceReview.BackupDue);
                break;
        }
    }

    /// <summary>Sets the recurring reminders that are not yet pending, e.g. on a new database.</summary>
    public async Task EnsureScheduledAsync(UnitOfWork unit)
    {
        await unit.Reminders.EnsurePendingAsync(NextWeeklyReview(unit.Now));
        await unit.Reminders.EnsurePendingAsync(NextFreshnessCheck(unit.Now));
    }

    private Reminder NextWeeklyReview(DateTimeOffset after) => settings.Schedule()!.Next(WeeklyReviewKey, WeeklyReview, "kpis", after);

    private Reminder NextFreshnessCheck(DateTimeOffset after) => new(FreshnessCheckKey, FreshnessCheck, "kpis", after + settings.FreshnessCheck);
}
