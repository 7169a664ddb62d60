using System.Text.Json.Nodes;
using ExecOps.Bot.Conversation;
using ExecOps.Bot.Slack.Api;
using ExecOps.Cards;
using static ExecOps.Bot.Slack.SlackPayload;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Messages to the bot: an @mention in a channel, or a direct message. The text is a command in the
/// same grammar as the slash commands, the slash optional. The bot's own messages are never answered.
/// </summary>
public sealed class SlackEventHandler(ChatCore chat, SlackActors actors, SlackWebApi slack) : ISlackInboxHandler
{
    public const string Kind = "slack.event";

    public string Source => Kind;

    public async Task<JsonObject?> HandleAsync(string payload, CancellationToken cancel)
    {
        var envelope = JsonNode.Parse(payload)!;
        var message = envelope["event"];
        var type = Text(message, "type");
        var direct = type == "message" && Text(message, "channel_type") == "im";
        if (type != "app_mention" && !direct) return null;
        if (Text(message, "bot_id") is not null || Text(message, "subtype") is not null) return null;

        var user = Text(message, "user");
        var channel = Text(message, "channel");
        if (user is null || channel is null) return null;
        var botUser = Text(envelope["authorizations"]?[0], "user_id") ?? Text(envelope["authed_users"]?[0]);
        var text = SlackText.ToCommandText(Text(message, "text") ?? "", botUser);
        var actor = await actors.ResolveAsync(user, null, cancel);
        var replies = await chat.HandleCommandAsync(actor, text.Length == 0 ? "/help" : text);

        var thread = direct ? null : Text(message, "thread_ts") ?? Text(message, "ts");
        foreach (var reply in replies)
        {
            if (reply.Visibility == ReplyVisibility.Channel || direct)
                await slack.PostMessageAsync(channel, SlackMessages.Text(reply.Text), SlackMessages.Blocks(reply.Card), thread, cancel);
            else
                await slack.PostEphemeralAsync(channel, user, SlackMessages.Text(reply.Text), SlackMessages.Blocks(reply.Card), cancel);
        }
        return null;
    }
}
