using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Adrs;

/// <summary>What an ADR's reminder does: a proposal still undecided is brought up once.</summary>
public sealed class AdrReminders(AdrService adrs) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [Adr.DecideDue];

    public Task HandleAsync(UnitOfWork unit, Reminder reminder) => adrs.RemindAsync(unit, reminder);
}
