using ExecOps.Bot.Hosting;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Notifications;

/// <summary>
/// Delivers to every configured platform and remembers which ones have a message, so that when one
/// platform fails and the outbox retries, the others are not sent the same message again. A message
/// only one platform takes (an answer, or a notification where one platform is configured) needs no
/// such note: the outbox's own mark is the record.
/// </summary>
/// <param name="metrics">Null while `/metrics` is off.</param>
public sealed class ChatPorts(IEnumerable<IPlatformPort> ports, Store store, TimeProvider clock, ILogger<ChatPorts> logger, BotMetrics? metrics = null) : IChatPort
{
    public async Task DeliverAsync(Delivery delivery, CancellationToken cancel)
    {
        var accepting = ports.Where(p => p.Accepts(delivery.To)).ToList();
        if (accepting is [var only])
        {
            await only.DeliverAsync(delivery, cancel);
            Delivered(only, delivery);
            return;
        }
        var failures = new List<DeliveryFailedException>();
        foreach (var port in accepting)
        {
            var key = $"delivered/{port.Platform}/{delivery.MessageId}";
            if (await store.ReadAsync(scope => scope.Requests.FindAsync(key)) is not null) continue;
            try
            {
                await port.DeliverAsync(delivery, cancel);
                Delivered(port, delivery);
                await store.WriteAsync(async u => { await u.Requests.RememberAsync(key, "delivered"); return true; }, cancel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Delivery {Id} to {Platform} failed: {Error}", delivery.MessageId, port.Platform, e.Message);
                failures.Add(e as DeliveryFailedException ?? new DeliveryFailedException($"{port.Platform}: {e.Message}"));
            }
        }
        if (failures.Count == 0) return;
        // Retry while any platform may still take it; give up only when every failure is for good.
        var transient = failures.Where(f => !f.Permanent).ToList();
        if (transient.Count > 0)
            throw new DeliveryFailedException(string.Join("; ", failures.Select(f => f.Message)), retryAfter: transient.Max(f => f.RetryAfter));
        throw new DeliveryFailedException(string.Join("; ", failures.Select(f => f.Message)), permanent: true);
    }

    private void Delivered(IPlatformPort port, Delivery delivery)
    {
        if (delivery.Queued is { } queued) metrics?.Delivered(port.Platform, clock.GetUtcNow() - queued);
    }
}
