using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Storage;
using static ExecOps.Workflows.Spend.SpendFormat;

namespace ExecOps.Workflows.Spend;

/// <summary>
/// The two FinOps KPIs, computed from spend so the scoreboard has one source for them (seed §9): Cloud Unit Cost is the
/// week's infrastructure spend (providers in `Spend:InfraProviders`) per active account, the `waa` observation for the
/// company as of the week's end; Telemetry Efficiency is the week's telemetry spend (`Spend:TelemetryProviders`) per 1,000
/// requests, the `requests` usage posted to `/api/spend/usage` for every day of the week. Each is posted as the week's
/// observation, and left out, saying why, when its denominator is missing.
/// </summary>
public static class SpendUnitCosts
{
    public const string CloudUnitCost = "cloud-unit-cost";
    public const string TelemetryEfficiency = "telemetry-efficiency";
    public const string ActiveAccounts = "waa";

    /// <returns>What was posted or why not, one line per KPI, for the week's review.</returns>
    /// <param name="totals">The week's totals (against the week before).</param>
    public static async Task<IReadOnlyList<string>> PostAsync(UnitOfWork unit, IsoWeek week, IReadOnlyList<SpendPeriodTotal> totals, SpendSettings settings)
    {
        var (from, to) = SpendReviews.Days(week);
        decimal Spent(IReadOnlyList<string> providers) => totals.Where(t => t.Dimension == SpendDayTotal.Provider && providers.Contains(t.Name)).Sum(t => t.Now);
        var notes = new List<string>();
        var posted = new List<Observation>();

        var infra = Spent(settings.Infra);
        var accounts = (await unit.Observations.AsOfAsync([ActiveAccounts], Slice.Company, [week.End]))[ActiveAccounts][0];
        if (accounts is > 0)
        {
            posted.Add(Observe(CloudUnitCost, week, infra / accounts.Value));
            notes.Add($"Cloud Unit Cost {Money(posted[^1].Value)} {settings.Currency}: {Money(infra)} infrastructure spend / {accounts:#,0} weekly active accounts.");
        }
        else notes.Add($"Cloud Unit Cost not posted: no weekly active accounts (the {ActiveAccounts} observation) as of {week}'s end.");

        var telemetry = Spent(settings.Telemetry);
        var (requests, days) = await unit.Usage.TotalAsync(settings.RequestsMetric, from, to);
        if (days == 7 && requests > 0)
        {
            posted.Add(Observe(TelemetryEfficiency, week, telemetry / (requests / 1000)));
            notes.Add($"Telemetry Efficiency {posted[^1].Value:0.####} {settings.Currency}: {Money(telemetry)} telemetry spend / {requests / 1000:#,0} thousand requests.");
        }
        else notes.Add($"Telemetry Efficiency not posted: {settings.RequestsMetric} usage covers {days} of {week}'s 7 days.");

        if (posted.Count > 0)
        {
            await unit.Observations.StoreAsync(posted);
            await Decisions.DecisionGuardrails.CheckAsync(unit, posted.Select(o => o.Kpi).ToHashSet());
        }
        return notes;
    }

    /// <summary>The week's reading, as of its last second, so the week shows it and the next one starts fresh.</summary>
    private static Observation Observe(string kpi, IsoWeek week, decimal value) => new(kpi, week.End.AddSeconds(-1), decimal.Round(value, 4), Slice.Company);
}
