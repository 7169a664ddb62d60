using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Kpis;

/// <summary>`/kpi show <kpi>`: one KPI's governed definition, as the catalog has it.</summary>
public static class KpiCard
{
    public static Card Build(Kpi kpi, KpiCatalog catalog, PeopleDirectory people, IReadOnlyList<KpiChangeData> history)
    {
        var bad = kpi.Direction == KpiDirection.Higher ? "below" : "above";
        return new Card(kpi.Name, [
            new TextBlock(kpi.Definition),
            new FactsBlock([
                new Fact("Id", kpi.Id),
                new Fact("Owner", KpiOwnership.Owner(kpi, people)),
                new Fact("Backup", KpiOwnership.Backup(kpi, people)),
                new Fact("Unit", kpi.Unit.ToString().ToLowerInvariant()),
                new Fact("Better when", kpi.Direction == KpiDirection.Higher ? "higher" : "lower"),
                new Fact("Weekly target", kpi.Unit.Format(kpi.Target)),
                new Fact("Green / yellow", $"green at {kpi.Unit.Format(kpi.Thresholds.Green)}, yellow to {kpi.Unit.Format(kpi.Thresholds.Yellow)}, red {bad}"),
                new Fact("Data source", kpi.Source),
                new Fact("Lineage", kpi.Lineage),
                new Fact("Freshness SLA", $"{kpi.FreshnessHours} h"),
                new Fact("Classification", kpi.Classification.ToString().ToLowerInvariant()),
            ]),
            new TextBlock("Definition history", TextStyle.Heading),
            new ListBlock([$"Catalog v{catalog.Version}, effective {catalog.Effective:yyyy-MM-dd}", .. history.Select(c => KpiChangeCard.HistoryLine(c, people))]),
        ], []);
    }
}
