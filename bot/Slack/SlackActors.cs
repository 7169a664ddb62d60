using System.Collections.Concurrent;
using ExecOps.Bot.Settings;
using ExecOps.Bot.Slack.Api;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Who a Slack user is in the directory: by their Slack id, else by the email Slack has for them
/// (users.info). Answers are cached for an hour, misses too, so a busy channel costs one lookup a person.
/// </summary>
public sealed class SlackActors(PeopleDirectory people, SlackWebApi slack, TimeProvider clock, ILogger<SlackActors> logger)
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (Person? Person, DateTimeOffset Until)> cache = new();

    public async Task<Actor> ResolveAsync(string slackUserId, string? userName, CancellationToken cancel = default)
    {
        var person = people.FindByHandle(Platforms.Slack, slackUserId) ?? await ByEmailAsync(slackUserId, cancel);
        return person is null ? Actor.Stranger(slackUserId, userName) : Actor.For(person);
    }

    /// <summary>The Slack user id of a directory person, for invitations and direct messages.</summary>
    public async Task<string?> SlackIdOfAsync(string personId, CancellationToken cancel = default)
    {
        var person = people.Find(personId);
        if (person is null) return null;
        if (person.HandleOn(Platforms.Slack) is { } known) return known;
        try { return (await slack.LookupByEmailAsync(person.Email, cancel))?.Id; }
        catch (SlackApiException e) when (!e.Permanent) { throw; }
        catch (SlackApiException e)
        {
            logger.LogWarning("Could not find {Person} in Slack by email: {Error}.", personId, e.Error);
            return null;
        }
    }

    private async Task<Person?> ByEmailAsync(string slackUserId, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(slackUserId, out var hit) && hit.Until > now) return hit.Person;
        Person? person = null;
        try
        {
            var user = await slack.UserInfoAsync(slackUserId, cancel);
            person = user?.Email is { } email ? people.FindByEmail(email) : null;
        }
        catch (SlackApiException e)
        {
            // Read-only commands still work for a stranger; a lookup failure must not refuse everything.
            logger.LogWarning("users.info for {User} failed ({Error}); treating them as a stranger for now.", slackUserId, e.Error);
            return null;
        }
        cache[slackUserId] = (person, now + Keep);
        return person;
    }
}
