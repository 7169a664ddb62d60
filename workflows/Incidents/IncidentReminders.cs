using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Incidents;

/// <summary>What an incident does when its update cadence or postmortem deadline runs out.</summary>
public sealed class IncidentReminders(IncidentService incidents) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [IncidentService.UpdateDue, IncidentService.PostmortemDue];

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        var incident = await incidents.LoadAsync(unit, reminder.SubjectId);
        if (reminder.Kind == IncidentService.UpdateDue) incident.MissUpdate();
        else if (incident.PostmortemReminderDue is not null) incident.RemindPostmortem();
        await incidents.SaveAsync(unit, incident);
    }
}
