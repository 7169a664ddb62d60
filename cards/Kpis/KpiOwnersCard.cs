using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Kpis;

/// <summary>`/kpi owners`: every KPI with its owner and backup; one nobody owns is flagged, and says who hears its alerts.</summary>
public static class KpiOwnersCard
{
    public static Card Build(KpiCatalog catalog, PeopleDirectory people, string escalationOwner)
    {
        var rows = catalog.Kpis.Select(k => k.Owner is null
            ? $"⚠️ {k.Name}: no owner; its alerts go to {NameOf(escalationOwner, people)} until one is named"
            : $"{k.Name}: {NameOf(k.Owner, people)}{(k.OwnerTitle is null ? "" : $" ({k.OwnerTitle})")}, backup {(k.Backup is null ? "none named" : NameOf(k.Backup, people))}").ToList();
        var unowned = catalog.Unowned.Count;
        return new Card("KPI owners", [new ListBlock(rows)], [])
        {
            Subtitle = $"Catalog v{catalog.Version}, effective {catalog.Effective:yyyy-MM-dd} · {catalog.Kpis.Count} KPIs" + (unowned > 0 ? $" · {unowned} without an owner" : ""),
            Tone = unowned > 0 ? Tone.Warning : Tone.Default,
        };
    }

    private static string NameOf(string id, PeopleDirectory people) => people.Find(id)?.Name ?? id;
}
