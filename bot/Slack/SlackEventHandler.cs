using ExecOps.Bot.Api;
using ExecOps.Bot.Conversation;
using ExecOps.Cards;
using System.Text.Json.Nodes;
using static ExecOps.Bot.Slack.SlackPayload;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Messages to the bot: an @mention in a channel, or a direct message. The text is a command in the
/// same grammar as the slash commands, the slash optional. The bot's own messages are never answered.
/// </summary>
public sealed class SlackEventHandler(ChatCore chat, SlackActors actors) : ISlackInboxHandler
{
    public const string Kind = "slack.event";

    public string Source => Kind;

    public async Task<IReadOnlyList<SlackCall>> HandleAsync(string payload, CancellationToken cancel)
    {
        var envelope = StrictJson.Object(payload)!;
        var message = envelope["event"];
        var type = Text(message, "type");
        var direct = type == "message" && Text(message, "channel_type") == "im";
        if (type != "app_mention" && !direct) return [];
        if (Text(message, "bot_id") is not null || Text(message, "subtype") is not null) return [];

        var user = Text(message, "user");
        var channel = Text(message, "channel");
        if (user is null || channel is null) return [];
        var botUser = Text(First(envelope, "authorizations"), "user_id") ?? Text(First(envelope, "authed_users"));
        var text = SlackText.ToCommandText(Text(message, "text") ?? "", botUser);
        var actor = await actors.ResolveAsync(user, null, cancel);
        var replies = await chat.HandleCommandAsync(actor, text.Length == 0 ? "/help" : text);

        var thread = direct ? null : Text(message, "thread_ts") ?? Text(message, "ts");
        return [.. replies.Select(reply => reply.Visibility == ReplyVisibility.Channel || direct
            ? SlackCall.Message(channel, reply, thread)
            : SlackCall.Private(channel, user, reply))];
    }
}
