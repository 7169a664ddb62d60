using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Incidents;

/// <summary>An incident's customer notification clocks as the card and the brief show them: who, by when, and whether it was met.</summary>
public static class NoticeLines
{
    public static IReadOnlyList<string> Of(IncidentData incident, PeopleDirectory people) => incident.Notices.Select(n =>
        $"{n.Customer} · notify by {(n.Due.Date == n.StartedAt.Date ? n.Due.ToString("HH:mm") : n.Due.ToString("yyyy-MM-dd HH:mm"))} UTC ({n.Hours} h, {n.Contract}) · " + (n.NotifiedAt is { } at
            ? $"notified {at:HH:mm} UTC by {people.NameOf(n.NotifiedBy!)}{(n.WasMet ? "" : " (late)")}"
            : n.Missed ? "⏰ missed" : "⏳ pending")).ToList();
}
