using System.Text.Json.Nodes;
using ExecOps.Cards;
using ExecOps.Cards.Rendering.BlockKit;

namespace ExecOps.Bot.Slack;

/// <summary>Replies as Slack messages: Block Kit for the card, and the plain text Slack shows in notifications.</summary>
public static class SlackMessages
{
    // Slack's own cap on a message's text is far higher; a notification preview never needs more.
    private const int MaxText = 3000;

    public static string Text(string text) => text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…";

    public static JsonArray? Blocks(Card? card) => card is null ? null : BlockKitRenderer.Blocks(card);

    /// <summary>The answer to a slash command, in the HTTP response or through its response_url.</summary>
    public static JsonObject Response(Reply reply)
    {
        var message = new JsonObject
        {
            ["response_type"] = reply.Visibility == ReplyVisibility.Channel ? "in_channel" : "ephemeral",
            ["text"] = Text(reply.Text),
        };
        if (Blocks(reply.Card) is { } blocks) message["blocks"] = blocks;
        return message;
    }

    /// <summary>Replaces the message a button was pressed on, through its response_url.</summary>
    public static JsonObject Replacement(Reply reply)
    {
        var message = new JsonObject { ["replace_original"] = true, ["text"] = Text(reply.Text) };
        if (Blocks(reply.Card) is { } blocks) message["blocks"] = blocks;
        return message;
    }
}
