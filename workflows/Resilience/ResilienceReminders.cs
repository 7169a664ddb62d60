using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Resilience;

/// <summary>What a game day's reminder does: on its day, its service's owner is asked to run it and record the result.</summary>
public sealed class ResilienceReminders(ResilienceService resilience) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [GameDay.Due];

    public Task HandleAsync(UnitOfWork unit, Reminder reminder) => resilience.RemindAsync(unit, reminder);
}
