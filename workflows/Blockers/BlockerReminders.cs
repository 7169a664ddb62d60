using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Blockers;

/// <summary>What a blocker's reminders do: its SLA ran out (up a rung), or its accepted delay ended (asked again).</summary>
public sealed class BlockerReminders(BlockerService blockers) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [Blocker.EscalateDue, Blocker.ResumeDue];

    public Task HandleAsync(UnitOfWork unit, Reminder reminder) => blockers.RemindAsync(unit, reminder);
}
