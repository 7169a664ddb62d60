using ExecOps.Workflows;
using ExecOps.Workflows.Kpis;

namespace ExecOps.Cards.Kpis;

/// <summary>A press on an RFC's card, read into a typed request from the action id and the fields the card sent.</summary>
public static class KpiActionRequests
{
    /// <summary>Every id an RFC's card may carry, registered by the KPI area.</summary>
    public static readonly IReadOnlyList<string> Ids = [KpiChangeCard.Approve, KpiChangeCard.Reject, KpiChangeCard.Refresh];

    public static KpiRequest Parse(string actionId, IReadOnlyDictionary<string, string> data)
    {
        var id = data.GetValueOrDefault(KpiChangeCard.Change)
            ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no change id; ask for a fresh card with `/kpi show <kpi>`.");
        if (actionId == KpiChangeCard.Refresh) return new ShowKpiChange(id);
        var seen = CardVersion.Seen(data);
        return new DecideKpiChange(id, actionId == KpiChangeCard.Approve, data.GetValueOrDefault(KpiChangeCard.Reason), seen);
    }
}
