using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Kpis;

/// <summary>`/kpi owners`: every KPI with its owner and backup; one nobody owns is flagged, and says who hears its alerts.</summary>
public static class KpiOwnersCard
{
    public static Card Build(KpiCatalog catalog, PeopleDirectory people, string escalationOwner)
    {
        var rows = catalog.Kpis.Select(k => k.Owner is null
            ? $"⚠️ {k.Name}: no owner; its alerts go to {people.NameOf(escalationOwner)} until one is named"
            : $"{k.Name}: {KpiOwnership.Owner(k, people)}, backup {KpiOwnership.Backup(k, people)}").ToList();
        var unowned = catalog.Unowned.Count;
        return new Card("KPI owners", [new ListBlock(rows)], [])
        {
            Subtitle = $"Catalog v{catalog.Version}, effective {catalog.Effective:yyyy-MM-dd} · {catalog.Kpis.Count} KPIs" + (unowned > 0 ? $" · {unowned} without an owner" : ""),
            Tone = unowned > 0 ? Tone.Warning : Tone.Default,
        };
    }
}
