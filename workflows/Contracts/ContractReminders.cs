using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Contracts;

/// <summary>What a contract does when its reminders fall due: notice deadlines coming, gaps past their date, the end of its term.</summary>
public sealed class ContractReminders(ContractService contracts) : IReminderHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [Contract.NoticeReminder, Contract.GapDue, Contract.Ends];

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        var parts = reminder.SubjectId.Split('/');
        var contract = await contracts.LoadAsync(unit, parts[0]);
        int Part(int i) => int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        if (reminder.Kind == Contract.NoticeReminder) contract.RemindNotice(Part(1));
        else if (reminder.Kind == Contract.GapDue) contract.RemindGap(Part(1));
        else contract.End();
        await contracts.SaveAsync(unit, contract);
    }
}
