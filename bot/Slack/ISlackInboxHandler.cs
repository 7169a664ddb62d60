namespace ExecOps.Bot.Slack;

/// <summary>Handles one kind of Slack request taken into the inbox.</summary>
public interface ISlackInboxHandler
{
    string Source { get; }

    /// <summary>
    /// Does the work and returns the calls that answer it, in order; they go out through the outbox. A
    /// first post to the request's own response_url goes in the HTTP response instead while there is time.
    /// </summary>
    Task<IReadOnlyList<SlackCall>> HandleAsync(string payload, CancellationToken cancel);
}
