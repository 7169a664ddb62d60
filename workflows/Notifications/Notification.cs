namespace ExecOps.Workflows.Notifications;

/// <summary>The thing a notification is about; its current card is attached when it is delivered.</summary>
public sealed record Subject(string Kind, string Id);

/// <summary>
/// Something the bot says on its own. Written to the outbox with the state change that caused it,
/// so it is sent even if the bot stops right after, and never sent for a change that rolled back.
/// <see cref="Members"/> are the people who belong in the channel it goes to: a platform that opens
/// the channel on first use invites them.
/// </summary>
public sealed record Notification(Recipient To, string Text, Subject? About = null, IReadOnlyList<string>? Members = null);
