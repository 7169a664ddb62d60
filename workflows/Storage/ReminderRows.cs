using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// Pending reminders, kept in the same transaction as the change that set them. The scheduler is
/// armed from here after commit, and re-armed from here at start-up, so a crash between the two
/// loses nothing.
/// </summary>
public sealed class ReminderRows(UnitOfWork unit, IUnitOfWorkObserver? observer)
{
    public async Task ScheduleAsync(Reminder reminder)
    {
        await using var command = unit.Command(
            """
            INSERT INTO reminders (key, kind, subject_id, due_at, scheduled_at, fired_at) VALUES (@key, @kind, @subject, @due, @now, NULL)
            ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, subject_id = excluded.subject_id, due_at = excluded.due_at, scheduled_at = excluded.scheduled_at, fired_at = NULL
            """,
            ("@key", reminder.Key), ("@kind", reminder.Kind), ("@subject", reminder.SubjectId), ("@due", reminder.DueAt.ToStored()), ("@now", unit.Now.ToStored()));
        await command.ExecuteNonQueryAsync();
        if (observer is not null) unit.AfterCommit(() => observer.ReminderScheduledAsync(reminder));
    }

    /// <summary>Schedules <paramref name="reminder"/> unless one with its key is already pending: a recurring reminder's first occurrence.</summary>
    public async Task EnsurePendingAsync(Reminder reminder)
    {
        if (await FindPendingAsync(reminder.Key) is null) await ScheduleAsync(reminder);
    }

    public async Task CancelAsync(string key)
    {
        await using var command = unit.Command("DELETE FROM reminders WHERE key = @key", ("@key", key));
        await command.ExecuteNonQueryAsync();
        if (observer is not null) unit.AfterCommit(() => observer.ReminderCancelledAsync(key));
    }

    /// <summary>The reminder if it is still pending; null once it fired or was cancelled.</summary>
    public async Task<Reminder?> FindPendingAsync(string key) =>
        (await QueryAsync("WHERE key = @key AND fired_at IS NULL", ("@key", key))).SingleOrDefault();

    public Task<IReadOnlyList<Reminder>> PendingAsync() => QueryAsync("WHERE fired_at IS NULL");

    /// <summary>The rhythm's recurring reminders (keys under `rhythm/`), soonest first: the calendar a plan can show.</summary>
    public Task<IReadOnlyList<Reminder>> PendingRhythmAsync() =>
        QueryAsync("WHERE fired_at IS NULL AND key LIKE 'rhythm/%'");

    public Task<int> CountPendingAsync() => CountPendingIn(unit);

    /// <summary>Reminders owed, read in any scope (a read snapshot serves the metrics).</summary>
    public static async Task<int> CountPendingIn(ISqlScope scope)
    {
        await using var command = scope.Command("SELECT COUNT(*) FROM reminders WHERE fired_at IS NULL");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    public Task<IReadOnlyList<Reminder>> PendingForAsync(string subjectId) =>
        QueryAsync("WHERE fired_at IS NULL AND subject_id = @subject", ("@subject", subjectId));

    /// <summary>
    /// Claims a pending reminder at the due time it was read with: true for the one caller that marks it
    /// fired. Another replica's claim waits on the row, then finds it fired, or set again for a later
    /// time (its handler's next occurrence), and gets false.
    /// </summary>
    public async Task<bool> TryMarkFiredAsync(Reminder reminder)
    {
        await using var command = unit.Command("UPDATE reminders SET fired_at = @now WHERE key = @key AND fired_at IS NULL AND due_at = @due",
            ("@key", reminder.Key), ("@due", reminder.DueAt.ToStored()), ("@now", unit.Now.ToStored()));
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private async Task<IReadOnlyList<Reminder>> QueryAsync(string where, params (string, object?)[] parameters)
    {
        await using var command = unit.Command($"SELECT key, kind, subject_id, due_at FROM reminders {where} ORDER BY due_at, key", parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var reminders = new List<Reminder>();
        while (await reader.ReadAsync())
            reminders.Add(new Reminder(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3).ToInstant()));
        return reminders;
    }
}
