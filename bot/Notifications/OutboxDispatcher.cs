using ExecOps.Bot.Hosting;
using ExecOps.Bot.Settings;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Notifications;

/// <summary>
/// Delivers outbox rows through the chat port. Each recipient is a lane of its own, worked oldest first
/// by one worker at a time, and lanes run side by side (up to <see cref="Lanes"/> at once), so a channel
/// held to a platform's pace (Slack's one message a second) holds up nothing else. A failure is retried
/// with exponential backoff (or the platform's Retry-After) up to a limit, then parked as failed for an
/// admin to see. Each row keeps one message id across attempts, so a port can recognise a retry of
/// what it already has. Where replicas share the database, one of them delivers at a time: the one
/// holding the outbox's lease, so each row goes out once and a platform's pace (Slack's per-channel
/// limit) is kept by one process. When it dies, another takes the lease over within its term.
/// </summary>
public sealed class OutboxDispatcher(
    Store store, IChatPort port, SubjectCards cards, IOptions<OutboxSettings> options, Replica replica, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const string LeaseName = "outbox";

    public const int Lanes = 16;
    private const int LaneBatch = 20;
    private const int MaxLanesAtOnce = 500;
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly SemaphoreSlim delivering = new(Lanes, Lanes);
    private readonly RunsByKey<int> lanes = new();
    private readonly OutboxSettings settings = options.Value;
    private readonly ReplicaLease lease = new(store, replica, LeaseName, options.Value.LeaseTerm);

    /// <summary>Whether this replica is the one delivering now.</summary>
    public bool IsDelivering => lease.IsHeld;

    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try { wake.Release(); } catch (SemaphoreFullException) { }
        }
    }

    /// <summary>The background loop starts a worker for every lane with something due, and does not wait for any of them.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Dispatch) return;
        // Another replica's commit wakes this one too, so whichever delivers does so at once, not at its next look.
        _ = store.Database.ListenForOutboxAsync(Wake, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.HoldAsync(stoppingToken)) await StartDueLanesAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { logger.LogError(e, "The outbox dispatcher stumbled; it carries on."); }
            try { await wake.WaitAsync(settings.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await lease.ReleaseAsync(); }
        catch (Exception e) { logger.LogWarning("Could not give up the outbox lease ({Error}); another replica takes it when its term runs out.", e.Message); }
    }

    /// <summary>Delivers everything due now, waiting for every lane to finish; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancel = default)
    {
        if (!await lease.HoldAsync(cancel)) return 0;
        var delivered = 0;
        while (await StartDueLanesAsync(cancel) is { Count: > 0 } running)
            foreach (var count in await Task.WhenAll(running)) delivered += count;
        return delivered;
    }

    /// <returns>The workers of every lane that has something due, started now or already running.</returns>
    private async Task<IReadOnlyList<Task<int>>> StartDueLanesAsync(CancellationToken cancel)
    {
        var due = await store.ReadAsync(scope => scope.Outbox.DueRecipientsAsync(MaxLanesAtOnce), cancel);
        return [.. due.Select(to => lanes.RunAsync(to.Address, () => WorkLaneAsync(to, cancel)))];
    }

    private async Task<int> WorkLaneAsync(Recipient to, CancellationToken cancel)
    {
        await delivering.WaitAsync(cancel);
        try
        {
            var delivered = 0;
            IReadOnlyList<OutboxMessage> due;
            do
            {
                due = await store.ReadAsync(scope => scope.Outbox.DueAsync(LaneBatch, to), cancel);
                foreach (var message in due)
                {
                    // The lease ran out (this replica stalled): another may be delivering now, so stop before sending.
                    if (!lease.IsHeld) return delivered;
                    if (await DeliverAsync(message, cancel)) delivered++;
                }
            } while (due.Count > 0);
            return delivered;
        }
        finally
        {
            delivering.Release();
        }
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancel)
    {
        try
        {
            // An answer is the platform call itself, rendered when its request ran.
            var (card, files) = message.Notification.To.IsAnswer ? (null, null) : await cards.ContentForAsync(message.Notification.About, message.Notification.To);
            await port.DeliverAsync(new Delivery(message.MessageId, message.Notification.To, message.Notification.Text, card, message.Notification.Members, files, message.CreatedAt, message.Notification.About), cancel);
            await store.WriteAsync(async u => { await u.Outbox.MarkDeliveredAsync(message.Id); return true; }, cancel);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failed = e as DeliveryFailedException;
            var attempts = message.Attempts + 1;
            if (failed?.Permanent == true || attempts >= settings.MaxAttempts)
            {
                logger.LogError(e, "Giving up on outbox message {Id} to {To} after {Attempts} attempt(s).", message.Id, message.Notification.To, attempts);
                await store.WriteAsync(async u => { await u.Outbox.MarkFailedAsync(message.Id, e.Message); return true; }, cancel);
            }
            else
            {
                var wait = failed?.RetryAfter ?? Backoff(attempts);
                logger.LogWarning("Outbox message {Id} to {To} failed (attempt {Attempts}): {Error}. Retrying in {Wait}.", message.Id, message.Notification.To, attempts, e.Message, wait);
                await store.WriteAsync(async u => { await u.Outbox.RetryLaterAsync(message.Id, u.Now + wait, e.Message); return true; }, cancel);
            }
            return false;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var wait = settings.FirstRetry * Math.Pow(2, attempts - 1);
        return wait < settings.MaxRetry ? wait : settings.MaxRetry;
    }
}
