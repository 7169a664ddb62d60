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

    public async Task<JsonObject?> HandleAsync(string payload, CancellationToken cancel)
    {
        var interaction = JsonNode.Parse(payload)!;
        switch (Text(interaction, "type"))
        {
            case "block_actions": await PressAsync(interaction, cancel); break;
            case "view_submission": await SubmitAsync(interaction, cancel); break;
        }
        return null;
    }

    private async Task PressAsync(JsonNode interaction, CancellationToken cancel)
    {
        var action = interaction["actions"]?[0];
        var actionId = Text(action, "action_id") ?? "";
        var where = new Where(Text(interaction, "container", "channel_id") ?? Text(interaction, "channel", "id") ?? "",
            Text(interaction, "container", "message_ts"), Flag(interaction, "container", "is_ephemeral"), Text(interaction, "response_url"));
        var user = Text(interaction, "user", "id") ?? "";
        if (actionId.StartsWith("link.", StringComparison.Ordinal)) return;
        var data = Data(Text(action, "value"));
        if (data is null)
        {
            await slack.PostEphemeralAsync(where.Channel, user, "That button carried data I cannot read; ask for a fresh card.", null, cancel);
            return;
        }
        if (data.Remove(BlockKitRenderer.FormMarker))
        {
            await OpenFormAsync(interaction, actionId, data, where, user, cancel);
            return;
        }
        var actor = await actors.ResolveAsync(user, Text(interaction, "user", "name"), cancel);
        await AnswerAsync(await chat.HandleActionAsync(actor, actionId, data), where, user, cancel);
    }

    private async Task OpenFormAsync(JsonNode interaction, string actionId, Dictionary<string, string> data, Where where, string user, CancellationToken cancel)
    {
        var form = await chat.FindFormAsync(actionId, data);
        if (form is null)
        {
            await slack.PostEphemeralAsync(where.Channel, user, "That form is no longer offered on this card; ask for a fresh one.", null, cancel);
            return;
        }
        var metadata = new JsonObject
        {
            ["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
            ["channel"] = where.Channel, ["ts"] = where.Ts, ["ephemeral"] = where.Ephemeral, ["response_url"] = where.ResponseUrl,
        };
        await slack.OpenViewAsync(Text(interaction, "trigger_id") ?? "", BlockKitRenderer.Modal(form, metadata.ToJsonString()), cancel);
    }

    private async Task SubmitAsync(JsonNode interaction, CancellationToken cancel)
    {
        var view = interaction["view"];
        var actionId = Text(view, "callback_id") ?? "";
        var metadata = SlackPayload.Object(Text(view, "private_metadata"));
        var data = Data(metadata["data"]?.ToJsonString()) ?? [];
        foreach (var (block, inputs) in view?["state"]?["values"]?.AsObject() ?? [])
            foreach (var (input, value) in inputs?.AsObject() ?? [])
                data[input] = Text(value, "value") ?? Text(value, "selected_option", "value") ?? "";
        var where = new Where(Text(metadata, "channel") ?? "", Text(metadata, "ts"), Flag(metadata, "ephemeral"), Text(metadata, "response_url"));
        var user = Text(interaction, "user", "id") ?? "";
        var actor = await actors.ResolveAsync(user, Text(interaction, "user", "name"), cancel);
        await AnswerAsync(await chat.HandleActionAsync(actor, actionId, data), where, user, cancel);
    }

    private async Task AnswerAsync(IReadOnlyList<Reply> replies, Where where, string user, CancellationToken cancel)
    {
        foreach (var reply in replies)
        {
            if (reply.Visibility == ReplyVisibility.Channel && reply.Card is not null && where.Ts is not null)
                await ReplaceAsync(reply, where, cancel);
            else if (where.Channel.Length == 0)
                await slack.PostMessageAsync(user, SlackMessages.Text(reply.Text), SlackMessages.Blocks(reply.Card), cancel: cancel);
            else
                await slack.PostEphemeralAsync(where.Channel, user, SlackMessages.Text(reply.Text), SlackMessages.Blocks(reply.Card), cancel);
        }
    }

    /// <summary>
    /// A posted card is edited for everyone with chat.update. An ephemeral card, or one a slash command
    /// posted (which chat.update may not touch), is replaced through the interaction's response_url.
    /// </summary>
    private async Task ReplaceAsync(Reply reply, Where where, CancellationToken cancel)
    {
        if (where.Ephemeral && where.ResponseUrl is not null)
        {
            await slack.RespondAsync(where.ResponseUrl, SlackMessages.Replacement(reply), cancel);
            return;
        }
        try
        {
            await slack.UpdateAsync(where.Channel, where.Ts!, SlackMessages.Text(reply.Text), SlackMessages.Blocks(reply.Card), cancel);
        }
        catch (SlackApiException e) when (e.Error is "cant_update_message" or "message_not_found" && where.ResponseUrl is not null)
        {
            await slack.RespondAsync(where.ResponseUrl, SlackMessages.Replacement(reply), cancel);
        }
    }

    private sealed record Where(string Channel, string? Ts, bool Ephemeral, string? ResponseUrl);
}
