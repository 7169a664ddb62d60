using ExecOps.Workflows.Changes;

namespace ExecOps.Cards.Changes;

/// <summary>The change calendar: upcoming Tier 0/1 changes with their windows, and the freezes.</summary>
public static class ChangeCalendarCard
{
    public static Card Build(IReadOnlyList<ChangeData> upcoming, IEnumerable<Freeze> freezes)
    {
        var rows = upcoming.Select(c => $"{c.Id} · Tier {c.Tier} · {c.Service} · {c.Title} · {c.State} · " +
            (c.WindowStart is { } s ? $"{s:yyyy-MM-dd HH:mm}..{c.WindowEnd:HH:mm} UTC" : "no window")).ToList();
        var windows = freezes.OrderBy(f => f.Start).Select(f => $"❄️ {f.Name}: {f.Start:yyyy-MM-dd HH:mm}..{f.End:yyyy-MM-dd HH:mm} UTC").ToList();
        return new Card("Change calendar", [
            new TextBlock("Tier 0/1 changes", TextStyle.Heading), new ListBlock(rows.Count == 0 ? ["None open."] : rows),
            new TextBlock("Freezes", TextStyle.Heading), new ListBlock(windows.Count == 0 ? ["None configured."] : windows),
        ], []);
    }
}
