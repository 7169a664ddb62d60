using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Settings;
using ExecOps.Bot.Teams.Connector;
using ExecOps.Cards.Rendering.AdaptiveCards;
using ExecOps.Workflows.Incidents;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Teams;

/// <summary>
/// Sends outbox notifications to Teams, and the answers to Teams activities kept there (<see cref="TeamsCall"/>). A person gets a 1:1 chat, created the first time and
/// remembered; channel notifications go to the announcements conversation, an incident's own
/// channel marked with its name, since the bot cannot create Teams channels without Graph rights.
/// </summary>
public sealed class TeamsChatPort(ConnectorClient connector, TeamsPeople people, TeamsConversations conversations,
    IOptions<TeamsSettings> settings, IncidentSettings incidents, ILogger<TeamsChatPort> logger) : IPlatformPort
{
    public string Platform => Platforms.Teams;

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancel)
    {
        try
        {
            if (delivery.To.IsAnswer) await TeamsCall.From(JsonNode.Parse(delivery.Text)!.AsObject()).MakeAsync(connector, cancel);
            else if (delivery.To.IsChannel) await ToChannelAsync(delivery, cancel);
            else await ToPersonAsync(delivery, cancel);
        }
        catch (ConnectorException e)
        {
            throw new DeliveryFailedException($"Teams Connector: {e.Message}", e.Permanent, e.RetryAfter);
        }
    }

    private async Task ToChannelAsync(Delivery delivery, CancellationToken cancel)
    {
        if (await conversations.AnnouncementsAsync() is not { } channel)
        {
            logger.LogInformation("No Teams channel to post {Id} in yet: add the bot to a team channel.", delivery.MessageId);
            return;
        }
        var text = delivery.To.Name.Equals(incidents.Channel, StringComparison.OrdinalIgnoreCase) ? delivery.Text : $"**#{delivery.To.Name}** · {delivery.Text}";
        var message = delivery.Card is { } card
            ? TeamsMessages.WithCard(AdaptiveCardRenderer.RenderShared(card, await people.UserIdsAsync(card.Actors)), card.Title, text)
            : TeamsMessages.Text(text);
        await connector.SendAsync(channel.ServiceUrl, channel.ConversationId, message, cancel);
    }

    private async Task ToPersonAsync(Delivery delivery, CancellationToken cancel)
    {
        if (await people.FindAsync(delivery.To.Name) is not { } user)
        {
            logger.LogInformation("{Person} has not been seen in Teams; message {Id} is not sent there.", delivery.To, delivery.MessageId);
            return;
        }
        var conversation = user.PersonalConversationId;
        if (conversation is null)
        {
            conversation = await connector.CreatePersonalConversationAsync(user.ServiceUrl, user.TenantId ?? "", $"28:{settings.Value.AppId}", user.UserId, cancel);
            await people.SaveAsync(delivery.To.Name, user with { PersonalConversationId = conversation });
        }
        var message = delivery.Card is { } card
            ? TeamsMessages.WithCard(AdaptiveCardRenderer.Render(card), card.Title, delivery.Text)
            : TeamsMessages.Text(delivery.Text);
        await connector.SendAsync(user.ServiceUrl, conversation, message, cancel);
    }
}
