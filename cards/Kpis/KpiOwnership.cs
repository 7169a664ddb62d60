using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Kpis;

/// <summary>How a KPI's owner and backup are written on every KPI card.</summary>
public static class KpiOwnership
{
    public static string Owner(Kpi kpi, PeopleDirectory people) =>
        kpi.Owner is null ? "none named" : people.NameOf(kpi.Owner) + (kpi.OwnerTitle is null ? "" : $" ({kpi.OwnerTitle})");

    public static string Backup(Kpi kpi, PeopleDirectory people) => kpi.Backup is null ? "none named" : people.NameOf(kpi.Backup);
}
