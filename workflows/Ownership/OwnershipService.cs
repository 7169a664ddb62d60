using System.Text.RegularExpressions;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Ownership;

/// <summary>
/// Amends the ownership map from chat: admins only, each field checked, stored and audited in one transaction, its people
/// told, and put in force once committed. Amendments are kept with the map version they were made on; a newer file
/// (the amended map committed to the repo) supersedes them.
/// </summary>
public sealed partial class OwnershipService(Store store, OwnershipMap map, PeopleDirectory people)
{
    public const string Kind = "ownership-amendments";
    private const string MapId = "map";

    public OwnershipMap Map => map;

    public async Task<IReadOnlyList<OwnershipAmendment>> AmendAsync(Actor actor, AmendOwnership request)
    {
        if (!actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"Only admins amend the ownership map; you ({actor.Name}) are not one. Ask an admin, or change ownership-map.json in the repo.", request.Target);
        var (name, channel) = Describe(request);
        await using var unit = await store.BeginAsync();
        var made = request.Changes.Select(c => new OwnershipAmendment(name, request.OfTeam, c.Field, Check(c.Field, c.Value, request.Target), actor.Id, unit.Now)).ToList();
        await unit.ClaimRequestAsync();
        var stored = await unit.Aggregates.FindAsync<OwnershipAmendments>(Kind, MapId);
        var amendments = stored?.Body is { } body && body.MapVersion == map.Version ? body : new OwnershipAmendments { MapVersion = map.Version };
        amendments.Made.AddRange(made);
        await unit.Aggregates.SaveAsync(Kind, MapId, "amended", amendments, stored?.Version ?? 0);
        foreach (var amendment in made)
        {
            var before = Current(amendment);
            await unit.Audit.AppendAsync(actor.Id, "ownership.amend", name, "allowed", $"{amendment.Field}: {before ?? "none"} → {amendment.Value}");
            foreach (var told in Told(amendment, before))
                await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(told.Person), told.Text));
        }
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(channel),
            $"{actor.Name} amended the ownership map for {(request.OfTeam ? "team " : "")}{name}: {string.Join(", ", made.Select(m => $"{m.Field} {Current(m) ?? "none"} → {m.Value}"))}."));
        unit.AfterCommit(() =>
        {
            foreach (var amendment in made) map.Apply(amendment);
            return Task.CompletedTask;
        });
        await unit.CommitAsync();
        return made;
    }

    /// <summary>Each team's load over the last whole weeks, to the start of this one, the teams furthest above their share first.</summary>
    public Task<(IReadOnlyList<TeamLoad> Teams, DateTimeOffset From, DateTimeOffset To)> LoadAsync(int weeks) => store.ReadAsync(async scope =>
    {
        var to = Scoreboard.IsoWeek.Of(scope.Now).Start;
        var from = to.AddDays(-7 * weeks);
        return (await OperationalLoad.ForAsync(scope, map, from, to), from, to);
    });

    /// <summary>At start-up: the amendments made on this version of the map are put back in force; older ones are superseded by the file.</summary>
    public async Task<int> ReapplyAsync()
    {
        var stored = await store.ReadAsync(scope => scope.Aggregates.FindAsync<OwnershipAmendments>(Kind, MapId));
        if (stored?.Body is not { } amendments || amendments.MapVersion != map.Version) return 0;
        foreach (var amendment in amendments.Made) map.Apply(amendment);
        return amendments.Made.Count;
    }

    private (string Name, string Channel) Describe(AmendOwnership request)
    {
        if (!request.OfTeam) return (map.Require(request.Target).Id, map.ChannelOf(map.Require(request.Target)));
        var team = map.FindTeam(request.Target) ?? throw new RefusedException(RefusalKind.NotFound,
            $"team:{request.Target} is not a team in the ownership map. Teams: {string.Join(", ", map.Teams.Select(t => t.Id))}.", request.Target);
        return (team.Id, team.Channel);
    }

    private string Check(string field, string value, string target) => field switch
    {
        "owner" or "oncall" or "approver" or "lead" or "exec" => people.Require(value).Id,
        "team" => map.FindTeam(value)?.Id ?? throw new RefusedException(RefusalKind.NotFound,
            $"team:{value} is not a team in the ownership map. Teams: {string.Join(", ", map.Teams.Select(t => t.Id))}. Nothing was changed.", target),
        "tier" => int.TryParse(value, out var tier) && tier is >= 0 and <= OwnershipMap.LowestTier ? tier.ToString()
            : throw new RefusedException(RefusalKind.Invalid, $"tier:{value} is not a tier; use 0, 1, 2 or 3 (0 is the most critical). Nothing was changed.", target),
        _ => ChannelPattern().IsMatch(value) ? value.TrimStart('#').ToLowerInvariant()
            : throw new RefusedException(RefusalKind.Invalid, $"channel:{value} is not a channel name; write it like channel:#payments. Nothing was changed.", target),
    };

    private string? Current(OwnershipAmendment amendment)
    {
        if (amendment.OfTeam)
        {
            var team = map.FindTeam(amendment.Target)!;
            return amendment.Field switch { "lead" => team.Lead, "exec" => team.Exec, _ => team.Channel };
        }
        var entry = map.Find(amendment.Target)!;
        return amendment.Field switch
        {
            "owner" => entry.Owner, "oncall" => entry.OnCall, "approver" => entry.Approver, "team" => entry.Team, "tier" => entry.Tier.ToString(), _ => entry.Channel,
        };
    }

    /// <summary>Someone who gains or loses a role on the entry hears it from the bot, not by surprise.</summary>
    private IEnumerable<(string Person, string Text)> Told(OwnershipAmendment amendment, string? before)
    {
        if (amendment.Field is not ("owner" or "oncall" or "approver" or "lead" or "exec") || before == amendment.Value) yield break;
        var role = amendment.Field switch { "oncall" => "on-call", var f => f };
        var what = amendment.OfTeam ? $"team {amendment.Target}" : amendment.Target;
        yield return (amendment.Value, $"You are now the {role} of {what} in the ownership map, set by {people.NameOf(amendment.By)}. `/owner {amendment.Target}` shows what that covers.");
        if (people.Find(before)?.Id is { } previous)
            yield return (previous, $"You are no longer the {role} of {what}: {people.NameOf(amendment.Value)} is, set by {people.NameOf(amendment.By)}.");
    }

    [GeneratedRegex("^#?[a-z0-9][a-z0-9_-]{0,79}$", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelPattern();
}
