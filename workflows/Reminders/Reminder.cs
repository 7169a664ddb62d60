namespace ExecOps.Workflows.Reminders;

/// <summary>
/// Something that must happen at a time: a key that names it for good (`incident/INC-4/update`),
/// what kind of reminder it is, what it is about, and when it is due.
/// </summary>
public sealed record Reminder(string Key, string Kind, string SubjectId, DateTimeOffset DueAt);
