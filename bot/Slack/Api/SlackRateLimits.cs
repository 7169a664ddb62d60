namespace ExecOps.Bot.Slack.Api;

/// <summary>
/// Keeps our calls inside Slack's published rate tiers by giving each method (and chat.postMessage
/// each channel) an evenly spaced turn. Slack answers 429 past a tier, and spacing calls out is cheaper
/// than collecting 429s and retrying them. A call over the pace is delayed, never refused; after a 429
/// the whole method waits until Slack's Retry-After has passed. Thread safe; one instance per process.
/// </summary>
/// <param name="clock">The clock turns are measured on. Production passes <see cref="TimeProvider.System"/>.</param>
/// <param name="spacingScale">1 keeps Slack's pace; tests pass a smaller number, or 0 for no spacing (Retry-After still holds).</param>
public sealed class SlackRateLimits(TimeProvider clock, double spacingScale = 1)
{
    // Calls per minute, from each method's page on docs.slack.dev. Methods not listed get Tier 2,
    // the tier Slack says most methods allow at least.
    private static readonly Dictionary<string, int> CallsPerMinute = new()
    {
        ["conversations.create"] = 20,            // Tier 2
        ["conversations.invite"] = 50,            // Tier 3
        ["chat.update"] = 50,                     // Tier 3
        ["users.lookupByEmail"] = 50,             // Tier 3
        ["chat.postEphemeral"] = 100,             // Tier 4
        ["views.open"] = 100,                     // Tier 4
        ["files.getUploadURLExternal"] = 100,     // Tier 4
        ["files.completeUploadExternal"] = 100,   // Tier 4
        ["users.info"] = 100,                     // Tier 4
    };

    private const int Tier2 = 20;

    // chat.postMessage has its own tier: about one message a second in each channel.
    private const string PostMessage = "chat.postMessage";

    // Channels come and go; forgetting turns that are already past keeps the table small.
    private const int ForgetPastTurnsAbove = 512;

    private readonly object gate = new();
    private readonly Dictionary<string, DateTimeOffset> nextTurn = [];
    private readonly Dictionary<string, DateTimeOffset> pausedUntil = [];

    /// <summary>Waits until <paramref name="method"/> may be called (for chat.postMessage: in <paramref name="channel"/>).</summary>
    public async Task WaitTurnAsync(string method, string? channel, CancellationToken cancel)
    {
        var turn = Reserve(method, channel);
        // Looks again after each sleep: a 429 that arrived meanwhile moves the method's pause further out.
        for (var wait = Until(turn, method); wait > TimeSpan.Zero; wait = Until(turn, method))
            await Task.Delay(wait, clock, cancel);
    }

    /// <summary>Slack said 429: nobody calls <paramref name="method"/> again before <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(string method, TimeSpan retryAfter)
    {
        lock (gate)
        {
            var until = clock.GetUtcNow() + retryAfter;
            if (until > pausedUntil.GetValueOrDefault(method)) pausedUntil[method] = until;
        }
    }

    private static TimeSpan Spacing(string method) =>
        method == PostMessage ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / CallsPerMinute.GetValueOrDefault(method, Tier2);

    private DateTimeOffset Reserve(string method, string? channel)
    {
        var key = method == PostMessage ? $"{method} {channel}" : method;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (nextTurn.Count > ForgetPastTurnsAbove)
                foreach (var past in nextTurn.Where(t => t.Value <= now).Select(t => t.Key).ToList()) nextTurn.Remove(past);
            var next = nextTurn.GetValueOrDefault(key, now);
            var turn = next > now ? next : now;
            nextTurn[key] = turn + Spacing(method) * spacingScale;
            return turn;
        }
    }

    private TimeSpan Until(DateTimeOffset turn, string method)
    {
        lock (gate)
        {
            var paused = pausedUntil.GetValueOrDefault(method);
            return (paused > turn ? paused : turn) - clock.GetUtcNow();
        }
    }
}
