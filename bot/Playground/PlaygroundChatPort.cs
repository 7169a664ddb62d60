using ExecOps.Bot.Notifications;
using ExecOps.Cards.Rendering.AdaptiveCards;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Playground;

/// <summary>
/// The first chat platform: "delivering" writes the message, its card rendered as an Adaptive Card,
/// to the delivery log, where the Playground page polls for it.
/// </summary>
public sealed class PlaygroundChatPort(Store store) : IPlatformPort
{
    public string Platform => "playground";

    public Task DeliverAsync(Delivery delivery, CancellationToken cancel) =>
        store.WriteAsync(async unit =>
        {
            var card = delivery.Card is null ? null : AdaptiveCardRenderer.Render(delivery.Card).ToJsonString();
            await unit.Deliveries.RecordAsync(new DeliveredMessage(delivery.MessageId, delivery.To.Address, unit.Now, delivery.Text, card));
            return true;
        }, cancel);
}
