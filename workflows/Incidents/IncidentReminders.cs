using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Incidents;

/// <summary>What an incident does when its update cadence, postmortem deadline or a customer notification deadline runs out.</summary>
public sealed class IncidentReminders(IncidentService incidents) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [IncidentService.UpdateDue, IncidentService.PostmortemDue, Incident.NoticeReminder, Incident.NoticeDue];

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        var parts = reminder.SubjectId.Split('/');
        var incident = await incidents.LoadAsync(unit, parts[0]);
        if (reminder.Kind == Incident.NoticeReminder) incident.RemindNotice(parts[1], incidents.Notifiers);
        else if (reminder.Kind == Incident.NoticeDue) incident.MissNotice(parts[1]);
        else if (reminder.Kind == IncidentService.UpdateDue) incident.MissUpdate();
        else if (incident.PostmortemReminderDue is not null) incident.RemindPostmortem();
        await incidents.SaveAsync(unit, incident);
    }
}
