using System.Text.Json;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Teams;

/// <summary>What the Connector needs to post into a conversation on the bot's own initiative.</summary>
public sealed record TeamsConversationRef(string ServiceUrl, string ConversationId, string? TenantId, string? ConversationType);

/// <summary>
/// Conversation references, stored when the bot is added, so reminders and announcements can be
/// posted proactively, after restarts too. The first team channel becomes the announcements
/// conversation unless Teams:AnnouncementsConversation names one.
/// </summary>
public sealed class TeamsConversations(Store store, IOptions<TeamsSettings> settings)
{
    private const string Kind = "teams";
    private const string Announcements = "#announcements";

    public async Task RememberAsync(TeamsActivity activity)
    {
        if (activity.ServiceUrl is null || activity.ConversationId is null) return;
        var reference = JsonSerializer.Serialize(new TeamsConversationRef(activity.ServiceUrl, activity.ConversationId, activity.TenantId, activity.ConversationType));
        await store.WriteAsync(async u =>
        {
            await u.Conversations.SaveAsync(Kind, activity.ConversationId, reference);
            if (activity.ConversationType == "channel" && await u.Conversations.FindAsync(Kind, Announcements) is null)
                await u.Conversations.SaveAsync(Kind, Announcements, reference);
            return true;
        });
    }

    public async Task<TeamsConversationRef?> AnnouncementsAsync()
    {
        var name = settings.Value.AnnouncementsConversation is { Length: > 0 } configured ? configured : Announcements;
        var json = await store.WriteAsync(u => u.Conversations.FindAsync(Kind, name));
        return json is null ? null : JsonSerializer.Deserialize<TeamsConversationRef>(json);
    }
}
