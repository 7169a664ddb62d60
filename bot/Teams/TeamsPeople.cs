using System.Collections.Concurrent;
using System.Text.Json;
using ExecOps.Bot.Settings;
using ExecOps.Bot.Teams.Connector;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Teams;

/// <summary>Where a directory person can be reached in Teams: their Teams user id, and the service that hosts them.</summary>
public sealed record TeamsUser(string UserId, string ServiceUrl, string? TenantId, string? PersonalConversationId = null);

/// <summary>
/// Who a Teams user is in the directory: by AAD object id, else by the email Teams has for them
/// (the Connector's member lookup, cached). Each person seen is remembered with their Teams user id,
/// which direct messages and card refreshes need and which only arrives with their own activities.
/// </summary>
public sealed class TeamsPeople(PeopleDirectory people, Store store, ConnectorClient connector, ILogger<TeamsPeople> logger)
{
    private const string Kind = "teams-user";
    private readonly ConcurrentDictionary<string, Person?> byTeamsUser = new();

    public async Task<Actor> ResolveAsync(TeamsActivity activity, CancellationToken cancel = default)
    {
        if (activity.FromId is not { } userId) return Actor.Stranger("teams:unknown");
        var person = (activity.FromAadObjectId is { } aad ? people.FindByHandle(Platforms.Teams, aad) : null)
            ?? await ByEmailAsync(activity, userId, cancel);
        if (person is null) return Actor.Stranger(userId, activity.FromName);
        if (activity.ServiceUrl is { } serviceUrl)
        {
            var known = await FindAsync(person.Id);
            if (known is null || known.UserId != userId || known.ServiceUrl != serviceUrl)
                await SaveAsync(person.Id, new TeamsUser(userId, serviceUrl, activity.TenantId, known?.UserId == userId ? known.PersonalConversationId : null));
        }
        return Actor.For(person);
    }

    public async Task<TeamsUser?> FindAsync(string personId)
    {
        var json = await store.WriteAsync(u => u.Conversations.FindAsync(Kind, personId));
        return json is null ? null : JsonSerializer.Deserialize<TeamsUser>(json);
    }

    public Task SaveAsync(string personId, TeamsUser user) =>
        store.WriteAsync(async u => { await u.Conversations.SaveAsync(Kind, personId, JsonSerializer.Serialize(user)); return true; });

    /// <summary>The Teams user ids of those people the bot has met in Teams.</summary>
    public async Task<IReadOnlyList<string>> UserIdsAsync(IEnumerable<string> personIds)
    {
        var ids = new List<string>();
        foreach (var personId in personIds)
            if (await FindAsync(personId) is { } user) ids.Add(user.UserId);
        return ids;
    }

    private async Task<Person?> ByEmailAsync(TeamsActivity activity, string userId, CancellationToken cancel)
    {
        if (byTeamsUser.TryGetValue(userId, out var cached)) return cached;
        if (activity.ServiceUrl is null || activity.ConversationId is null) return null;
        try
        {
            var member = await connector.GetMemberAsync(activity.ServiceUrl, activity.ConversationId, userId, cancel);
            var person = member?.Email is { } email ? people.FindByEmail(email) : null;
            byTeamsUser[userId] = person;
            return person;
        }
        catch (ConnectorException e)
        {
            // A stranger may still read; a failed lookup must not refuse everything.
            logger.LogWarning("Teams member lookup for {User} failed ({Status}); treating them as a stranger for now.", userId, e.Status);
            return null;
        }
    }
}
