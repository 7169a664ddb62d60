namespace ExecOps.Bot.Slack.Api;

/// <summary>
/// A Slack call that failed. <see cref="Error"/> is Slack's own error code (channel_not_found,
/// ratelimited, …) or ours for failures Slack never answered (not_configured, unreachable, timeout,
/// invalid_response, http_502). <see cref="Permanent"/> means sending the same request again cannot help.
/// </summary>
public sealed class SlackApiException(
    string method, string error, bool permanent, string message,
    TimeSpan? retryAfter = null, int? httpStatus = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The Web API method, or "response_url" for a post to a response URL.</summary>
    public string Method { get; } = method;
    public string Error { get; } = error;
    public bool Permanent { get; } = permanent;

    /// <summary>From a 429's Retry-After header: how long Slack wants this method left alone.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Null when no HTTP answer came back at all.</summary>
    public int? HttpStatus { get; } = httpStatus;

    // The ok:false errors that Slack's docs describe as passing: its own trouble, load, or a workspace
    // mid-migration. Every other ok:false error is about the request itself (no such channel, not in
    // the channel, archived, token revoked, scope missing, malformed blocks, …) and fails again as sent.
    private static readonly HashSet<string> PassingErrors =
    [
        "ratelimited", "rate_limited", "internal_error", "fatal_error",
        "service_unavailable", "request_timeout", "team_added_to_org",
    ];

    /// <summary>Whether an ok:false error code is one that retrying cannot fix.</summary>
    public static bool IsPermanentError(string error) => !PassingErrors.Contains(error);
}
