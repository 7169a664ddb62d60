namespace ExecOps.Workflows.Contracts;

/// <summary>Section `Contracts`: when owners hear of a coming notice deadline.</summary>
public sealed class ContractSettings
{
    // Empty until bound: the binder appends configured items to an initializer's, so a default written there could never be replaced.
    public int[] NoticeReminderDays { get; set; } = [];

    /// <summary>Days before a contract's notice deadline when its owner is reminded: as configured, or 90, 30 and 7.</summary>
    public IReadOnlyList<int> ReminderDays => NoticeReminderDays is [] ? [90, 30, 7] : NoticeReminderDays;

    public IEnumerable<string> Problems()
    {
        if (ReminderDays.Any(d => d < 1)) yield return "Contracts:NoticeReminderDays must be whole days of at least 1.";
    }
}
