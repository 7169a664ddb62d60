namespace ExecOps.Workflows.People;

/// <summary>
/// Someone in the company directory. <see cref="Handles"/> holds the ids chat platforms know them by
/// (platform name → id); the directory does not need to know which platforms exist. <see cref="ReportsTo"/>
/// is their manager's id, who approves what they may not approve alone (a control exception).
/// </summary>
public sealed record Person(
    string Id,
    string Name,
    string Email,
    IReadOnlySet<string> Roles,
    IReadOnlyDictionary<string, string>? Handles = null,
    string? ReportsTo = null)
{
    public bool Has(string role) => Roles.Contains(role);

    public string? HandleOn(string platform) => Handles?.GetValueOrDefault(platform);
}
