using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Incidents;

public sealed partial class Incident
{
    /// <summary>
    /// Routes a postmortem's new prevention items to the hardening backlog (seed §6): each systemic one becomes a task with a due
    /// date for the service's owner (the IC when the service is not in the map). When the root cause has struck before
    /// (<paramref name="repeatOf"/>, a repeat offender), every new item goes to the owning team's backlog, for its lead.
    /// </summary>
    /// <param name="from">How many prevention items the postmortem held before this recording, so each item keeps one key.</param>
    public void Harden(int from, ServiceOnCall? service, IReadOnlyList<string> repeatOf, TimeSpan within)
    {
        var items = Data.Postmortem!.Prevention;
        var due = DateOnly.FromDateTime((now + within).UtcDateTime);
        var repeat = repeatOf.Count > 0;
        var owner = (repeat ? service?.TeamLead ?? service?.Owner : service?.Owner) ?? Data.Commander ?? Data.DeclaredBy;
        for (var i = from; i < items.Count; i++)
        {
            if (!repeat && !items[i].Systemic) continue;
            var why = repeat ? $"repeat offender: {Data.Postmortem.RootCause} again after {string.Join(", ", repeatOf)}" : $"systemic prevention from {Id}";
            Ask(new FollowUpRequest($"hardening/{Id}/{i + 1}", owner, $"Hardening ({why}): {items[i].Text}", Id, due, service?.Team, Shipment.Hardening));
        }
        if (repeat && from < items.Count)
            Note(People.Actor.System.Id, "hardening", $"repeat offender ({Data.Postmortem.RootCause}, also {string.Join(", ", repeatOf)}): prevention routed to {service?.Team ?? "the IC"}'s backlog", now);
    }
}
