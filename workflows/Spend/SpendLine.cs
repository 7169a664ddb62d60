namespace ExecOps.Workflows.Spend;

/// <summary>
/// One day's cost of one provider line, with its tags (seed §9). A tag not given is kept as "" (untagged), so untagged
/// spend is stored and reported rather than dropped; the day, provider and tags are its key, so sending it again is one row.
/// </summary>
public sealed record SpendLine(DateOnly Day, string Provider, decimal Amount, string Currency, string Service, string Team, string Tenant, string Env, DateOnly? Expires)
{
    public bool IsUntagged => Service.Length == 0 && Team.Length == 0;
}

/// <summary>A row of spend as a pipeline sent it, before it is checked; <see cref="Unreadable"/> says why a row could not even be read.</summary>
public sealed record SpendInput(string? Day, string? Amount, string? Currency, string? Provider, string? Service = null, string? Team = null, string? Tenant = null,
    string? Env = null, string? Expires = null, string? Unreadable = null);

/// <summary>A day's count of one usage metric (requests served), the denominator of a unit cost; the day and metric are its key.</summary>
public sealed record UsageCount(DateOnly Day, string Metric, decimal Value);

/// <summary>A row of usage as a pipeline sent it, before it is checked.</summary>
public sealed record UsageInput(string? Day, string? Metric, string? Value, string? Unreadable = null);

/// <summary>
/// One day's spend summed over one dimension's value: a service, a team, a provider (every line), or the provider of
/// untagged lines. Kept beside the lines as they are stored, so a view reads a few hundred totals, not every line.
/// </summary>
public sealed record SpendDayTotal(DateOnly Day, string Dimension, string Name, decimal Amount)
{
    public const string Service = "service";
    public const string Team = "team";
    public const string Provider = "provider";
    public const string Untagged = "untagged";

    /// <summary>The totals a line counts towards.</summary>
    public static IEnumerable<(string Dimension, string Name)> Of(SpendLine line)
    {
        if (line.Service.Length > 0) yield return (Service, line.Service);
        if (line.Team.Length > 0) yield return (Team, line.Team);
        yield return (Provider, line.Provider);
        if (line.IsUntagged) yield return (Untagged, line.Provider);
    }
}

/// <summary>One dimension's value (a service, a team, a provider) summed over a period and over the period before it.</summary>
public sealed record SpendPeriodTotal(string Dimension, string Name, decimal Now, decimal Before);
