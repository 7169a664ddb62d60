using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Ownership;

/// <summary>What the ownership area's reminders do: open the quarter's audit, and chase the owners who have not answered it.</summary>
public sealed class OwnershipReminders(OwnershipAudits audits, OwnershipSettings settings) : IReminderHandler
{
    public const string AuditDue = "ownership.audit";
    private const string AuditKey = "rhythm/ownership-audit";

    public IReadOnlyCollection<string> Kinds { get; } = [AuditDue, OwnershipAudit.RemindDue, OwnershipAudit.BackupDue];

    public Task EnsureScheduledAsync(UnitOfWork unit) => unit.Reminders.EnsurePendingAsync(Next(unit.Now));

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        switch (reminder.Kind)
        {
            case AuditDue:
                // The quarter the audit fell due in, even if the bot was down when it did.
                await audits.OpenAsync(unit, audits.QuarterOf(reminder.DueAt));
                await unit.Reminders.ScheduleAsync(Next(unit.Now));
                break;
            default:
                await audits.RemindAsync(unit, reminder.SubjectId, backup: reminder.Kind == OwnershipAudit.BackupDue);
                break;
        }
    }

    private Reminder Next(DateTimeOffset after) => settings.AuditCron()!.Next(AuditKey, AuditDue, "ownership", after);
}
