using System.Text.Json.Nodes;
using ExecOps.Cards;
using ExecOps.Cards.Rendering.AdaptiveCards;

namespace ExecOps.Bot.Teams;

/// <summary>Replies as Bot Framework message activities and adaptiveCard/action invoke responses.</summary>
public static class TeamsMessages
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static JsonObject Text(string text) => new() { ["type"] = "message", ["text"] = text, ["textFormat"] = "markdown" };

    public static JsonObject WithCard(JsonObject card, string summary, string? text = null)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["summary"] = summary,
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardType, ["content"] = card }),
        };
        if (text is not null) message["text"] = text;
        return message;
    }

    /// <summary>The card for a conversation: with its buttons in a 1:1, read-only with a per-actor refresh where others read along.</summary>
    public static JsonObject For(Card card, bool personal, IReadOnlyList<string> actorUserIds) =>
        personal ? AdaptiveCardRenderer.Render(card) : AdaptiveCardRenderer.RenderShared(card, actorUserIds);

    public static JsonObject InvokeCard(JsonObject card) => new() { ["statusCode"] = 200, ["type"] = CardType, ["value"] = card };

    public static JsonObject InvokeMessage(string text) => new() { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = text };
}
