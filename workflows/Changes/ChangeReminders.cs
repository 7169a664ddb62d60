using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Changes;

/// <summary>What change management does when its reminders fall due: a break-glass grant expires or its review is owed, a rollback drill is due.</summary>
public sealed class ChangeReminders(BreakGlasses grants, Drills drills) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [BreakGlass.ExpiryDue, BreakGlass.ReviewDue, Drills.Due];

    public Task HandleAsync(UnitOfWork unit, Reminder reminder) =>
        reminder.Kind == Drills.Due ? drills.RemindAsync(unit, reminder.SubjectId) : grants.OnReminderAsync(unit, reminder);
}
