using System.Text.Json.Nodes;
using ExecOps.Cards;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Slack.Api;
using static ExecOps.Bot.Slack.SlackPayload;

namespace ExecOps.Bot.Slack;

/// <summary>
/// One Slack call that answers a request, rendered when the request ran and kept in the outbox until
/// Slack takes it: a message, an ephemeral message, an edit of the pressed card, or a post to the
/// request's response_url. An edit that chat.update may not make (a card a slash command posted) goes
/// through the response_url instead.
/// </summary>
public sealed record SlackCall(string Method, JsonObject Body, string? ResponseUrl = null, JsonObject? Fallback = null)
{
    public const string Respond = "response_url";
    private const string Post = "chat.postMessage";
    private const string Ephemeral = "chat.postEphemeral";
    private const string Update = "chat.update";

    public static SlackCall Message(string channel, Reply reply, string? thread = null) =>
        new(Post, Render(new JsonObject { ["channel"] = channel, ["thread_ts"] = thread }, reply));

    public static SlackCall Private(string channel, string user, Reply reply) =>
        new(Ephemeral, Render(new JsonObject { ["channel"] = channel, ["user"] = user }, reply));

    public static SlackCall Private(string channel, string user, string text) => Private(channel, user, Reply.Private(text));

    public static SlackCall Edit(string channel, string ts, Reply reply, string? responseUrl) =>
        new(Update, Render(new JsonObject { ["channel"] = channel, ["ts"] = ts }, reply), responseUrl, responseUrl is null ? null : SlackMessages.Replacement(reply));

    public static SlackCall Response(string responseUrl, JsonObject message) => new(Respond, message, responseUrl);

    /// <summary>A post to a response_url needs the url; a request that came without one is answered in its HTTP response or not at all.</summary>
    public bool CanBeMade => Method != Respond || !string.IsNullOrEmpty(ResponseUrl);

    /// <summary>Where it goes, so that answers to one conversation are made in order and others do not wait behind them.</summary>
    public string Lane => Text(Body, "channel") ?? ResponseUrl ?? "";

    /// <summary>A newer edit of the same message makes an older one that has not gone yet pointless.</summary>
    public string? Supersedes => Method == Update ? $"{Text(Body, "channel")}/{Text(Body, "ts")}" : null;

    public Answer ToAnswer() =>
        new(Lane, new JsonObject { ["method"] = Method, ["body"] = Body.DeepClone(), ["response_url"] = ResponseUrl, ["fallback"] = Fallback?.DeepClone() }, Supersedes);

    public static SlackCall From(JsonObject call) =>
        new(Text(call, "method") ?? "", call["body"] as JsonObject ?? [], Text(call, "response_url"), call["fallback"] as JsonObject);

    public async Task MakeAsync(SlackWebApi slack, CancellationToken cancel)
    {
        var text = Text(Body, "text") ?? "";
        var blocks = Body["blocks"] as JsonArray;
        var channel = Text(Body, "channel") ?? "";
        switch (Method)
        {
            case Post: await slack.PostMessageAsync(channel, text, blocks, Text(Body, "thread_ts"), cancel); break;
            case Ephemeral: await slack.PostEphemeralAsync(channel, Text(Body, "user") ?? "", text, blocks, cancel); break;
            case Respond: await slack.RespondAsync(ResponseUrl ?? "", Body, cancel); break;
            case Update:
                try { await slack.UpdateAsync(channel, Text(Body, "ts") ?? "", text, blocks, cancel); }
                catch (SlackApiException e) when (e.Error is "cant_update_message" or "message_not_found" && ResponseUrl is not null && Fallback is not null)
                {
                    await slack.RespondAsync(ResponseUrl, Fallback, cancel);
                }
                break;
            default:
                throw new DeliveryFailedException($"An answer kept for Slack names no call this version makes ({Method}).", permanent: true);
        }
    }

    private static JsonObject Render(JsonObject body, Reply reply)
    {
        if (body["thread_ts"] is null) body.Remove("thread_ts");
        body["text"] = SlackMessages.Text(reply.Text);
        if (SlackMessages.Blocks(reply.Card) is { } blocks) body["blocks"] = blocks;
        return body;
    }
}
