using ExecOps.Cards;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Reports;

namespace ExecOps.Bot.Notifications;

/// <summary>
/// A rendered message on its way to a person or channel. The id is stable across retries; the
/// members are people who belong in the channel, for a platform that creates it on first use. Files
/// go with the message where the platform takes uploads; the card links to them everywhere.
/// </summary>
/// <param name="Queued">When the message was committed to the outbox, for the delivery latency.</param>
/// <param name="About">What the message is about, for a port that acts on it (a tracker opening a task's ticket).</param>
public sealed record Delivery(string MessageId, Recipient To, string Text, Card? Card, IReadOnlyList<string>? Members = null, IReadOnlyList<ReportFile>? Files = null, DateTimeOffset? Queued = null, Subject? About = null);

/// <summary>The way out to a chat platform. Each adapter implements it; the dispatcher is the only caller.</summary>
public interface IChatPort
{
    Task DeliverAsync(Delivery delivery, CancellationToken cancel);
}

/// <summary>A delivery that did not go through. Permanent ones (no such conversation, forbidden) are not retried.</summary>
public sealed class DeliveryFailedException(string message, bool permanent = false, TimeSpan? retryAfter = null) : Exception(message)
{
    public bool Permanent { get; } = permanent;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Whether an HTTP failure is one that retrying cannot fix: 4xx other than 408 and 429.</summary>
    public static bool IsPermanentStatus(int status) => status is >= 400 and < 500 and not 408 and not 429;
}
