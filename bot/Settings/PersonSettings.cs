using ExecOps.Workflows.People;

namespace ExecOps.Bot.Settings;

/// <summary>One entry of the `People` section: the directory the bot starts with.</summary>
public sealed class PersonSettings
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string? SlackId { get; set; }
    public string? TeamsId { get; set; }

    /// <summary>The directory id of their manager.</summary>
    public string? ReportsTo { get; set; }

    public Person ToPerson()
    {
        var handles = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(SlackId)) handles[Platforms.Slack] = SlackId;
        if (!string.IsNullOrWhiteSpace(TeamsId)) handles[Platforms.Teams] = TeamsId;
        return new(Id, Name, Email, Roles.Select(r => r.Trim().ToLowerInvariant()).ToHashSet(), handles, string.IsNullOrWhiteSpace(ReportsTo) ? null : ReportsTo.Trim());
    }
}
