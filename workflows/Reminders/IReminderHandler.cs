using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Reminders;

/// <summary>A workflow's answer to its reminders falling due, run inside the unit of work that marks them fired.</summary>
public interface IReminderHandler
{
    IReadOnlyCollection<string> Kinds { get; }

    Task HandleAsync(UnitOfWork unit, Reminder reminder);
}
