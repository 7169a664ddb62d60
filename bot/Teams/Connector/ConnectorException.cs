namespace ExecOps.Bot.Teams.Connector;

/// <summary>
/// A Bot Connector call (or the token request before it) that failed. <see cref="Permanent"/> means
/// sending the same request again cannot help: a 4xx other than 408 and 429, such as 403 when the bot
/// was removed from the conversation, or credentials the token endpoint refuses. Throttling (429),
/// server errors (5xx), timeouts and unreachable hosts pass.
/// </summary>
public sealed class ConnectorException(
    string message, int? status, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status of the failed answer; null when no answer came back at all.</summary>
    public int? Status { get; } = status;

    public bool Permanent { get; } = permanent;

    /// <summary>From a 429's or 503's Retry-After header: how long the service wants to be left alone.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
