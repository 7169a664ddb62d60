namespace ExecOps.Workflows.Spend;

/// <summary>One row of a spend view: a name (a service, a team, a provider), what it spent in the period and in the one before.</summary>
public sealed record SpendTotal(string Name, decimal Now, decimal Before)
{
    public decimal Change => Now - Before;
}

/// <summary>Non-prod spend still billed after its `expires` date: whose it is, and what it cost on its latest day.</summary>
public sealed record ExpiredSpend(string Service, string Team, string Tenant, string Provider, DateOnly Expires, DateOnly LastDay, decimal LastAmount);

/// <summary>Spend over a period against the same length before it: by service, by team, and untagged by provider (seed §9: untagged is reported, never dropped).</summary>
public sealed record SpendReport(DateOnly From, DateOnly To, SpendTotal All, IReadOnlyList<SpendTotal> Services, IReadOnlyList<SpendTotal> Teams, IReadOnlyList<SpendTotal> Untagged)
{
    /// <param name="totals">Each dimension's value over the period and the one before it.</param>
    public static SpendReport Of(IReadOnlyList<SpendPeriodTotal> totals, DateOnly from, DateOnly to)
    {
        IReadOnlyList<SpendTotal> By(string dimension) => totals.Where(t => t.Dimension == dimension).Select(t => new SpendTotal(t.Name, t.Now, t.Before))
            .OrderByDescending(t => t.Now).ThenBy(t => t.Name).ToList();
        var providers = By(SpendDayTotal.Provider);
        return new SpendReport(from, to, new SpendTotal("all", providers.Sum(p => p.Now), providers.Sum(p => p.Before)),
            By(SpendDayTotal.Service), By(SpendDayTotal.Team), By(SpendDayTotal.Untagged));
    }

    /// <summary>Non-prod lines billed after their expiry, the latest of each, among <paramref name="lines"/>.</summary>
    public static IReadOnlyList<ExpiredSpend> Expired(IReadOnlyList<SpendLine> lines) => lines
        .Where(l => l.Env == "non-prod" && l.Expires is { } expires && l.Day > expires)
        .GroupBy(l => (l.Service, l.Team, l.Tenant, l.Provider))
        .Select(g => g.MaxBy(l => l.Day)!)
        .Select(l => new ExpiredSpend(l.Service, l.Team, l.Tenant, l.Provider, l.Expires!.Value, l.Day, l.Amount))
        .OrderBy(e => e.Expires).ThenBy(e => e.Service).ToList();
}
