namespace ExecOps.Workflows.People;

/// <summary>Someone in the company directory, known on one or more chat platforms.</summary>
public sealed record Person(
    string Id,
    string Name,
    string Email,
    IReadOnlySet<string> Roles,
    string? SlackId = null,
    string? TeamsId = null)
{
    public bool Has(string role) => Roles.Contains(role);

    public string Mention => $"@{Id}";
}
