using ExecOps.Bot.Settings;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Notifications;

/// <summary>
/// Delivers outbox rows through the chat port, oldest first within each recipient, and recipients side
/// by side (up to <see cref="Lanes"/> at once), so one conversation held up at a platform's pace does not
/// hold up the rest. A failure is retried with exponential backoff (or the platform's Retry-After) up to
/// a limit, then parked as failed for an admin to see. Each row keeps one message id across attempts,
/// so a port can recognise a retry of what it already has.
/// </summary>
public sealed class OutboxDispatcher(
    Store store, IChatPort port, SubjectCards cards, IOptions<OutboxSettings> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly OutboxSettings settings = options.Value;
    public const int Lanes = 8;
    private const int Batch = 100;

    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try { wake.Release(); } catch (SemaphoreFullException) { }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Dispatch) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await DispatchDueAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { logger.LogError(e, "The outbox dispatcher stumbled; it carries on."); }
            try { await wake.WaitAsync(settings.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Delivers everything due now; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancel = default)
    {
        await oneAtATime.WaitAsync(cancel);
        try
        {
            var delivered = 0;
            IReadOnlyList<OutboxMessage> due;
            do
            {
                await using (var unit = await store.BeginAsync(cancel)) due = await unit.Outbox.DueAsync(Batch);
                await Parallel.ForEachAsync(due.GroupBy(m => m.Notification.To), new ParallelOptions { MaxDegreeOfParallelism = Lanes, CancellationToken = cancel },
                    async (lane, token) =>
                    {
                        foreach (var message in lane)
                            if (await DeliverAsync(message, token)) Interlocked.Increment(ref delivered);
                    });
            } while (due.Count == Batch);
            return delivered;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancel)
    {
        try
        {
            // An answer is the platform call itself, rendered when its request ran.
            var (card, files) = message.Notification.To.IsAnswer ? (null, null) : await cards.ContentForAsync(message.Notification.About, message.Notification.To);
            await port.DeliverAsync(new Delivery(message.MessageId, message.Notification.To, message.Notification.Text, card, message.Notification.Members, files), cancel);
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
