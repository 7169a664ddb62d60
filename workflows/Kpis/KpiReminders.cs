using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Kpis;

/// <summary>What a KPI change does when its effective date comes.</summary>
public sealed class KpiReminders(KpiService changes) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [KpiChange.EffectiveDue];

    public Task HandleAsync(UnitOfWork unit, Reminder reminder) => changes.TakeEffectAsync(unit, reminder.SubjectId);
}
