namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// Which part of the company a number is about: where in the drilldown (domain, then service or
/// team) and which customer segment (ICP or not, enterprise or SMB, region). A dimension left null
/// means "all of it"; the slice with every dimension null is the company.
/// </summary>
public sealed record Slice(string? Domain = null, string? Service = null, string? Team = null, string? Icp = null, string? Size = null, string? Region = null)
{
    public static readonly Slice Company = new();

    public bool IsCompany => this == Company;

    public string Describe()
    {
        var parts = new[] { ("domain", Domain), ("service", Service), ("team", Team), ("icp", Icp), ("size", Size), ("region", Region) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {p.Item2}").ToList();
        return parts.Count == 0 ? "company" : string.Join(", ", parts);
    }
}
