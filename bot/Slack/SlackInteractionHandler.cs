using ExecOps.Bot.Api;
using System.Text.Json.Nodes;
using ExecOps.Bot.Conversation;
using ExecOps.Bot.Slack.Api;
using ExecOps.Cards;
using ExecOps.Cards.Rendering.BlockKit;
using static ExecOps.Bot.Slack.SlackPayload;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Button presses and form submissions. A pressed card is edited in place for everyone
/// (chat.update); a refusal goes to the presser only. A button that opens a form opens a modal.
/// </summary>
public sealed class SlackInteractionHandler(ChatCore chat, SlackActors actors, SlackWebApi slack) : ISlackInboxHandler
{
    public const string Kind = "slack.interaction";

    public string Source => Kind;

    public async Task<IReadOnlyList<SlackCall>> HandleAsync(string payload, CancellationToken cancel)
    {
        var interaction = StrictJson.Object(payload)!;
        return Text(interaction, "type") switch
        {
            "block_actions" => await PressAsync(interaction, cancel),
            "view_submission" => await SubmitAsync(interaction, cancel),
            _ => [],
        };
    }

    private async Task<IReadOnlyList<SlackCall>> PressAsync(JsonNode interaction, CancellationToken cancel)
    {
        var action = First(interaction, "actions");
        var actionId = Text(action, "action_id") ?? "";
        var where = new Where(Text(interaction, "container", "channel_id") ?? Text(interaction, "channel", "id") ?? "",
            Text(interaction, "container", "message_ts"), Flag(interaction, "container", "is_ephemeral"), Text(interaction, "response_url"));
        var user = Text(interaction, "user", "id") ?? "";
        if (actionId.StartsWith("link.", StringComparison.Ordinal)) return [];
        var data = Data(Text(action, "value"));
        if (data is null) return [SlackCall.Private(where.Channel, user, "That button carried data I cannot read; ask for a fresh card.")];
        if (data.Remove(BlockKitRenderer.FormMarker)) return await OpenFormAsync(interaction, actionId, data, where, user, cancel);
        var actor = await actors.ResolveAsync(user, Text(interaction, "user", "name"), cancel);
        return Answers(await chat.HandleActionAsync(actor, actionId, data), where, user);
    }

    /// <summary>
    /// The one call made here rather than through the outbox: Slack's trigger_id is good for three
    /// seconds, so a modal opened later would not open at all. Opening it changes nothing.
    /// </summary>
    private async Task<IReadOnlyList<SlackCall>> OpenFormAsync(JsonNode interaction, string actionId, Dictionary<string, string> data, Where where, string user, CancellationToken cancel)
    {
        var form = await chat.FindFormAsync(actionId, data);
        if (form is null) return [SlackCall.Private(where.Channel, user, "That form is no longer offered on this card; ask for a fresh one.")];
        var metadata = new JsonObject
        {
            ["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
            ["channel"] = where.Channel, ["ts"] = where.Ts, ["ephemeral"] = where.Ephemeral, ["response_url"] = where.ResponseUrl,
        };
        await slack.OpenViewAsync(Text(interaction, "trigger_id") ?? "", BlockKitRenderer.Modal(form, metadata.ToJsonString()), cancel);
        return [];
    }

    private async Task<IReadOnlyList<SlackCall>> SubmitAsync(JsonNode interaction, CancellationToken cancel)
    {
        var view = interaction["view"];
        var actionId = Text(view, "callback_id") ?? "";
        var metadata = SlackPayload.Object(Text(view, "private_metadata"));
        var data = Data(metadata["data"]?.ToJsonString()) ?? [];
        foreach (var (block, inputs) in (view?["state"] as JsonObject)?["values"] as JsonObject ?? [])
            foreach (var (input, value) in inputs as JsonObject ?? [])
                data[input] = Text(value, "value") ?? Text(value, "selected_option", "value") ?? "";
        var where = new Where(Text(metadata, "channel") ?? "", Text(metadata, "ts"), Flag(metadata, "ephemeral"), Text(metadata, "response_url"));
        var user = Text(interaction, "user", "id") ?? "";
        var actor = await actors.ResolveAsync(user, Text(interaction, "user", "name"), cancel);
        return Answers(await chat.HandleActionAsync(actor, actionId, data), where, user);
    }

    /// <summary>
    /// A posted card is edited for everyone with chat.update; an ephemeral card is replaced through the
    /// interaction's response_url, which is all Slack allows for it. Anything else goes to the presser only.
    /// </summary>
    private static IReadOnlyList<SlackCall> Answers(IReadOnlyList<Reply> replies, Where where, string user) =>
        [.. replies.Select(reply =>
            reply.Visibility == ReplyVisibility.Channel && reply.Card is not null && where.Ts is { } ts
                ? where.Ephemeral && where.ResponseUrl is { } url
                    ? SlackCall.Response(url, SlackMessages.Replacement(reply))
                    : SlackCall.Edit(where.Channel, ts, reply, where.ResponseUrl)
                : where.Channel.Length == 0 ? SlackCall.Message(user, reply)
                : SlackCall.Private(where.Channel, user, reply))];

    private sealed record Where(string Channel, string? Ts, bool Ephemeral, string? ResponseUrl);
}
