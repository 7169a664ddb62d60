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

    public Person ToPerson() =>
        new(Id, Name, Email, Roles.Select(r => r.Trim().ToLowerInvariant()).ToHashSet(), SlackId, TeamsId);
}
