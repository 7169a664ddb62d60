using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>
/// Least privilege (seed §2): internal KPIs are for everyone; confidential ones for execs, sponsors,
/// admins and the KPI's own owner and backup; restricted ones for execs, admins, owner and backup.
/// </summary>
public static class KpiAccess
{
    public static bool CanSee(this Actor viewer, Kpi kpi) => kpi.Classification switch
    {
        Classification.Internal => true,
        _ when viewer == Actor.System => true,
        _ when viewer.IsKnown && (viewer.Id == kpi.Owner || viewer.Id == kpi.Backup) => true,
        Classification.Confidential => viewer.Has(Roles.Exec) || viewer.Has(Roles.Sponsor) || viewer.Has(Roles.Admin),
        _ => viewer.Has(Roles.Exec) || viewer.Has(Roles.Admin),
    };
}
