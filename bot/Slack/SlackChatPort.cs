using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Settings;
using ExecOps.Bot.Slack.Api;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Sends outbox notifications to Slack, and the answers to Slack requests kept there (<see cref="SlackCall"/>). A person gets a direct message; the incident announcements
/// channel is the configured Slack channel; any other channel (an incident's own) is created on first
/// use, remembered, and its members invited. A report's files are uploaded into the message's thread.
/// </summary>
public sealed class SlackChatPort(SlackWebApi slack, SlackActors actors, Store store, IOptions<SlackSettings> settings, IncidentSettings incidents, ILogger<SlackChatPort> logger) : IPlatformPort
{
    public string Platform => Platforms.Slack;

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancel)
    {
        try
        {
            if (delivery.To.IsAnswer)
            {
                await SlackCall.From(JsonNode.Parse(delivery.Text)!.AsObject()).MakeAsync(slack, cancel);
                return;
            }
            var channel = delivery.To.IsChannel ? await ChannelAsync(delivery, cancel) : await actors.SlackIdOfAsync(delivery.To.Name, cancel);
            if (channel is null)
            {
                logger.LogInformation("{Person} has no Slack account; message {Id} is not sent to Slack.", delivery.To, delivery.MessageId);
                return;
            }
            var message = await OnceAsync($"delivered/slack/{delivery.MessageId}/posted",
                () => slack.PostMessageAsync(channel, SlackMessages.Text(delivery.Text), SlackMessages.Blocks(delivery.Card), cancel: cancel), cancel);
            // Threaded under the message, so a report's files sit with the card that announces them.
            foreach (var file in delivery.Files ?? [])
                await OnceAsync($"delivered/slack/{delivery.MessageId}/uploaded/{file.Name}",
                    () => slack.UploadMarkdownAsync(message.Channel, file.Name, file.Markdown, message.Ts, cancel), cancel);
        }
        catch (SlackApiException e)
        {
            throw new DeliveryFailedException($"Slack {e.Method}: {e.Error}", e.Permanent, e.RetryAfter);
        }
    }

    /// <summary>
    /// An upload can fail after the message went, and the outbox then retries the whole delivery; what
    /// already reached Slack is noted under the message id, so the retry sends only what is missing.
    /// </summary>
    private async Task<T> OnceAsync<T>(string key, Func<Task<T>> send, CancellationToken cancel)
    {
        if (await store.WriteAsync(u => u.Requests.FindAsync(key)) is { } noted) return JsonSerializer.Deserialize<T>(noted)!;
        var sent = await send();
        await store.WriteAsync(async u => { await u.Requests.RememberAsync(key, JsonSerializer.Serialize(sent)); return true; }, cancel);
        return sent;
    }

    private async Task<string> ChannelAsync(Delivery delivery, CancellationToken cancel)
    {
        var name = delivery.To.Name;
        if (name.Equals(incidents.Channel, StringComparison.OrdinalIgnoreCase)) return settings.Value.AnnouncementsChannel;

        var channel = await store.WriteAsync(u => u.Conversations.FindAsync(Platform, name));
        if (channel is null)
        {
            channel = await CreateAsync(name, cancel);
            await store.WriteAsync(async u => { await u.Conversations.SaveAsync(Platform, name, channel); return true; }, cancel);
        }
        await InviteAsync(channel, delivery.Members ?? [], cancel);
        return channel;
    }

    private async Task<string> CreateAsync(string name, CancellationToken cancel)
    {
        try
        {
            return await slack.CreateChannelAsync(name, cancel: cancel);
        }
        catch (SlackApiException e) when (e.Error == "name_taken")
        {
            // Created before a crash lost our note of it: post by name, which Slack accepts for channels the bot is in.
            return "#" + name;
        }
    }

    private async Task InviteAsync(string channel, IReadOnlyList<string> members, CancellationToken cancel)
    {
        var ids = new List<string>();
        foreach (var member in members)
            if (await actors.SlackIdOfAsync(member, cancel) is { } id) ids.Add(id);
        if (ids.Count > 0) await slack.InviteAsync(channel, ids, cancel);
    }
}
