using System.Text.Json.Nodes;
using ExecOps.Bot.Hosting;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Settings;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Slack requests are written to the inbox before they are acknowledged, then handled at once. A
/// sweep at start-up and every half minute picks up any that a crash left unhandled, so an
/// acknowledged command is never lost; a request is tried three times at most. The sweep claims what it
/// runs, so where replicas share the database each leftover request is run again by one of them.
/// </summary>
/// <param name="replica">Who the sweep's claims are held by; one process of its own when not given.</param>
public sealed class SlackInbox(Store store, IEnumerable<ISlackInboxHandler> handlers, RequestAnswers answers, ILogger<SlackInbox> logger, Replica? replica = null) : BackgroundService
{
    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);

    /// <summary>How long a sweep's claim on a request keeps other replicas off it: longer than any run takes.</summary>
    public static readonly TimeSpan ClaimTerm = TimeSpan.FromMinutes(2);
    private readonly string claimant = (replica ?? Replica.ThisProcess).Name;
    public const int MaxInFlight = 64;
    private const int MaxAttempts = 3;
    private readonly RunsByKey<JsonObject?> inFlight = new();
    private int inBackground;

    /// <summary>How many runs are in hand now; after load it returns to none.</summary>
    internal int InFlight => inFlight.Count;

    /// <summary>Keeps the request; null when one with the same key (a Slack retry) was already taken in.</summary>
    public async Task<InboxItem?> AcceptAsync(string source, string key, string payload)
    {
        var (id, receivedAt) = await store.WriteAsync(async u => (await u.Inbox.AcceptAsync(source, key, payload), u.Now));
        return id is { } kept ? new InboxItem(kept, source, key, payload, receivedAt, Attempts: 0) : null;
    }

    /// <summary>Whether a request with this key was taken in before (a retry of it).</summary>
    public Task<bool> TakenAsync(string key) => store.ReadAsync(scope => scope.Inbox.ExistsAsync(key));

    /// <summary>A slash command to be run before it is kept: its first change keeps it, handled, in the same transaction.</summary>
    public InboxItem Unkept(string source, string key, string payload) => new(0, source, key, payload, store.Clock.GetUtcNow(), Attempts: 0);

    /// <summary>Keeps a request that is acknowledged before it is done; the sweep sees it through from here.</summary>
    public Task KeepPendingAsync(InboxItem item) =>
        store.WriteAsync(async u => { await u.Inbox.KeepPendingAsync(item.Source, item.Key, item.Payload); return true; });

    /// <summary>Handles a request once, however many callers ask; the answer is what the HTTP response may carry, if <paramref name="slot"/> is still open.</summary>
    public Task<JsonObject?> ProcessAsync(InboxItem item, ResponseSlot? slot = null) => inFlight.RunAsync(item.Key, () => HandleAsync(item, slot));

    /// <summary>
    /// Handles an acknowledged request in the background. Past <see cref="MaxInFlight"/> requests in
    /// hand it is left to the sweep: under a flood (presses answered at Slack's pace, a minute or
    /// more behind) the backlog waits in the inbox, on disk, not as tasks in memory.
    /// </summary>
    /// <returns>Whether it was taken in hand; false when it was left to the sweep.</returns>
    public bool HandleSoon(InboxItem item)
    {
        if (Interlocked.Increment(ref inBackground) > MaxInFlight)
        {
            Interlocked.Decrement(ref inBackground);
            return false;
        }
        _ = Task.Run(async () =>
        {
            try { await ProcessAsync(item); }
            finally { Interlocked.Decrement(ref inBackground); }
        });
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { logger.LogError(e, "The Slack inbox sweep failed; it tries again."); }
            try { await Task.Delay(Sweep, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Handles what was taken in before <paramref name="olderThan"/> ago and never finished; its answers go out through the outbox.</summary>
    public async Task<int> SweepAsync(CancellationToken cancel = default, TimeSpan? olderThan = null)
    {
        var before = store.Clock.GetUtcNow() - (olderThan ?? Sweep);
        var pending = await store.WriteAsync(u => u.Inbox.ClaimPendingAsync(before, 100, claimant, u.Now + ClaimTerm), cancel);
        foreach (var item in pending.Where(i => !inFlight.IsRunning(i.Key)))
        {
            cancel.ThrowIfCancellationRequested();
            await ProcessAsync(item);
        }
        return pending.Count;
    }

    /// <remarks>
    /// The run is under the request's inbox key: its first change claims the key in the same
    /// transaction, so a run again after a crash (by the sweep) finds it claimed and applies nothing
    /// twice. Its answers go to the outbox with the inbox row's handled mark, in one transaction, so a
    /// Slack that is down delays the answers and never runs the command again. A slash command that
    /// holds the HTTP response answers there: its inbox row was written, handled, with its change, so
    /// when nothing else is to be said it is done in that one transaction.
    /// </remarks>
    private async Task<JsonObject?> HandleAsync(InboxItem item, ResponseSlot? slot)
    {
        using var request = RequestScope.Begin($"slack/{item.Key}", item.IsKept ? null : new InboxEntry(item.Source, item.Key, item.Payload));
        try
        {
            var calls = await HandlerFor(item.Source).HandleAsync(item.Payload, CancellationToken.None);
            var answersInResponse = slot?.TryTake() == true;
            var inResponse = answersInResponse && calls is [{ Method: SlackCall.Respond } first, ..] ? first : null;
            var later = calls.Where(c => c != inResponse && c.CanBeMade).ToList();
            if (later.Count > 0 || !answersInResponse)
                await answers.KeepAsync(Platforms.Slack, later.Select(c => c.ToAnswer()), item.Key);
            return inResponse?.Body;
        }
        catch (Exception) when (request.Duplicate)
        {
            await answers.KeepAsync(Platforms.Slack, [], item.Key);
            return null;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Slack request {Key} ({Source}) failed on attempt {Attempt}.", item.Key, item.Source, item.Attempts + 1);
            await store.WriteAsync(async u =>
            {
                // Acknowledged with an empty answer, so it must be kept for the sweep to try again.
                if (!item.IsKept) await u.Inbox.KeepPendingAsync(item.Source, item.Key, item.Payload);
                if (item.Attempts + 1 >= MaxAttempts) await u.Inbox.MarkProcessedAsync(item.Key, e.Message);
                else await u.Inbox.CountAttemptAsync(item.Key, e.Message);
                return true;
            });
            return null;
        }
    }

    private ISlackInboxHandler HandlerFor(string source) =>
        handlers.FirstOrDefault(h => h.Source == source) ?? throw new InvalidOperationException($"No handler for Slack requests of kind {source}.");
}

/// <summary>
/// Whether a slash command's first answer still goes in the HTTP response: the run takes the slot when
/// it has the answer, the endpoint closes it when Slack's budget runs out, and whichever is first wins.
/// </summary>
public sealed class ResponseSlot
{
    private int state;

    public bool TryTake() => Interlocked.CompareExchange(ref state, 1, 0) == 0;

    public bool TryClose() => Interlocked.CompareExchange(ref state, 2, 0) == 0;
}
