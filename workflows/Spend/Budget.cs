namespace ExecOps.Workflows.Spend;

/// <summary>One entry of `Spend:Budgets`: a month's budget for a service or for a team, who owns it, and the percentages that alert.</summary>
public sealed class Budget
{
    public string Name { get; set; } = "";
    public string? Service { get; set; }
    public string? Team { get; set; }
    public decimal Monthly { get; set; }
    public string? Owner { get; set; }

    // Empty until bound: the binder appends configured items to an initializer's, so a default written there could never be replaced.
    public int[] AlertAt { get; set; } = [];

    /// <summary>The percentages of the month's budget that alert: as configured, or 80 and 100.</summary>
    public IReadOnlyList<int> Thresholds => AlertAt is [] ? [80, 100] : [.. AlertAt.Order()];

    /// <summary>The daily total the budget counts: its service's, or its team's.</summary>
    public bool Covers(SpendDayTotal total) => Service is { } service
        ? total.Dimension == SpendDayTotal.Service && total.Name == service.ToLowerInvariant()
        : total.Dimension == SpendDayTotal.Team && total.Name == Team?.ToLowerInvariant();
}

/// <summary>A budget's month so far: spent, the month's forecast at the current daily rate, and which alert it has reached.</summary>
public sealed record BudgetStanding(Budget Budget, DateOnly Month, decimal Spent, decimal Forecast)
{
    public decimal SpentShare => Budget.Monthly == 0 ? 0 : Spent / Budget.Monthly;

    public decimal ForecastShare => Budget.Monthly == 0 ? 0 : Forecast / Budget.Monthly;

    /// <summary>The thresholds spent or forecast to be crossed this month, highest last.</summary>
    public IReadOnlyList<int> Reached => Budget.Thresholds.Where(t => Math.Max(SpentShare, ForecastShare) * 100 >= t).ToList();

    /// <param name="through">The last day with spend counted (yesterday: today's exports are still arriving).</param>
    public static BudgetStanding Of(Budget budget, IReadOnlyList<SpendDayTotal> totals, DateOnly through)
    {
        var month = new DateOnly(through.Year, through.Month, 1);
        var spent = totals.Where(t => t.Day >= month && t.Day <= through && budget.Covers(t)).Sum(t => t.Amount);
        var days = DateTime.DaysInMonth(through.Year, through.Month);
        return new BudgetStanding(budget, month, spent, decimal.Round(spent / through.Day * days, 2));
    }
}
