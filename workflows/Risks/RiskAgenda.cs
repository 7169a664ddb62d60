namespace ExecOps.Workflows.Risks;

/// <summary>One risk on the weekly review's agenda, with why it is there.</summary>
public sealed record AgendaItem(RiskData Risk, IReadOnlyList<string> Reasons);

/// <summary>
/// The weekly risk review's agenda (seed §4): red risks, overdue mitigations, acceptances expiring
/// within 14 days, and risks past their review date, largest exposure first.
/// </summary>
public static class RiskAgenda
{
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromDays(14);

    public static IReadOnlyList<AgendaItem> For(IEnumerable<RiskData> risks, DateOnly today) => risks
        .Where(r => !r.IsClosed)
        .Select(r => new AgendaItem(r, Reasons(r, today)))
        .Where(i => i.Reasons.Count > 0)
        .OrderByDescending(i => i.Risk.Exposure).ThenBy(i => i.Risk.Number)
        .ToList();

    public static IReadOnlyList<string> Reasons(RiskData risk, DateOnly today)
    {
        var reasons = new List<string>();
        if (risk.Rating.IsRed() && risk.IsInReview) reasons.Add($"red ({risk.Rating})");
        reasons.AddRange(risk.Mitigations.Where(m => m.Status == MitigationStatus.Planned && m.Due < today)
            .Select(m => $"mitigation {m.Number} overdue since {m.Due:yyyy-MM-dd} ({m.Owner})"));
        if (risk.Acceptances.FirstOrDefault(a => a.IsInForce) is { } acceptance && acceptance.Until.DayNumber - today.DayNumber <= ExpiringWithin.TotalDays)
            reasons.Add($"acceptance expires {acceptance.Until:yyyy-MM-dd}");
        if (risk.NextReview is { } review && review < today) reasons.Add($"past its review date {review:yyyy-MM-dd}");
        return reasons;
    }
}
