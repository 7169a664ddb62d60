namespace ExecOps.Workflows.Notifications;

/// <summary>The thing a notification is about; its current card is attached when it is delivered.</summary>
public sealed record Subject(string Kind, string Id);

/// <summary>
/// Something the bot says on its own. Written to the outbox with the state change that caused it,
/// so it is sent even if the bot stops right after, and never sent for a change that rolled back.
/// </summary>
public sealed record Notification(Recipient To, string Text, Subject? About = null);
