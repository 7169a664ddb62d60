using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Storage;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>The KPIs whose data is red on freshness now, and since when: stored so each breach alerts once.</summary>
public sealed class FreshnessBreaches
{
    public Dictionary<string, DateTimeOffset> Since { get; set; } = [];
}

/// <summary>
/// Seed §2 and §12: data going stale is a Sev-2 matter. When a KPI's data turns red on freshness, the ops
/// channel and the KPI's owner (the CEO if it has none) hear of it once; when it recovers, the
/// channel hears that too, and a later breach alerts again.
/// </summary>
public sealed class FreshnessWatch(KpiCatalog catalog, ScoreboardSettings settings, KpiSettings kpis)
{
    public const string Kind = "freshness-breaches";
    private const string Id = "kpis";

    public async Task CheckAsync(UnitOfWork unit)
    {
        var stored = await unit.Aggregates.FindAsync<FreshnessBreaches>(Kind, Id);
        var breaches = stored?.Body ?? new FreshnessBreaches();
        var changed = false;
        var newest = await unit.Observations.LatestAsync(catalog.Kpis.Select(k => k.Id).ToList());
        foreach (var kpi in catalog.Kpis)
        {
            var latest = newest[kpi.Id];
            // A KPI that never had data has not "turned" stale: the banner shows it, an alert would only be noise on a new install.
            if (latest is null) continue;
            var freshness = Freshness.Of(kpi, latest, unit.Now);
            var breached = breaches.Since.ContainsKey(kpi.Id);
            if (freshness.Level == FreshnessLevel.Red && !breached)
            {
                breaches.Since[kpi.Id] = unit.Now;
                var text = $"Data freshness red: {kpi.Name} {Age(freshness)} (SLA {kpi.FreshnessHours} h, source: {kpi.Source}). The scoreboard shows stale numbers until it refreshes.";
                await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(settings.OpsChannel), text));
                await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(kpi.Owner ?? kpis.EscalationOwner), text));
                changed = true;
            }
            else if (freshness.Level != FreshnessLevel.Red && breached)
            {
                breaches.Since.Remove(kpi.Id);
                await unit.Outbox.EnqueueAsync(new Notification(Recipient.Channel(settings.OpsChannel), $"Data freshness recovered: {kpi.Name} has data from {freshness.Latest:yyyy-MM-dd HH:mm} UTC."));
                changed = true;
            }
        }
        if (!changed) return;
        await unit.Aggregates.SaveAsync(Kind, Id, "watching", breaches, stored?.Version ?? 0);
    }

    private static string Age(Freshness freshness) => $"has had no new data for {freshness.Age!.Value.TotalHours:0} h";
}
