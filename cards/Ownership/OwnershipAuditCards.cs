using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Ownership;

/// <summary>A quarter's ownership audit for the exec channel, and the question to one owner, answered in the card.</summary>
public static class OwnershipAuditCards
{
    /// <summary>Past this, a list is cut with a count: a Slack message holds 50 blocks.</summary>
    private const int MaxRows = 25;

    public static Card Audit(OwnershipAuditData audit, PeopleDirectory people)
    {
        var waiting = audit.Owners.Values.Count(o => o.ConfirmedAt is null);
        return new Card($"Ownership audit {audit.Quarter}",
        [
            new TextBlock("Owners", TextStyle.Heading),
            new ListBlock(Cut(audit.Owners.Values.OrderBy(o => o.Owner).Select(o => $"{people.NameOf(o.Owner)} · {string.Join(", ", o.Entries)} · " +
                (o.ConfirmedAt is { } at ? $"confirmed by {people.NameOf(o.ConfirmedBy!)} {at:yyyy-MM-dd}" : $"waiting for {people.NameOf(o.AskedOf)}" + (o.WithBackup ? " (their lead, after no answer)" : ""))), "Nobody owns anything in the map.")),
            new TextBlock("Zombies", TextStyle.Heading),
            new ListBlock(Cut(audit.Zombies.Select(z => $"{z.Entry} ({z.Name}) · owner {(z.Owner is null ? "nobody" : people.NameOf(z.Owner))} · " +
                (z.LastActivity is { } last ? $"last activity {last:yyyy-MM-dd}" : "no activity on record")), "None.")),
            new TextBlock("Orphans", TextStyle.Heading),
            new ListBlock(Cut(audit.Orphans.Select(o => $"{o.Id} ({o.What}): {o.Reason}"), "None.")),
            new TextBlock("Handed back", TextStyle.Heading),
            new ListBlock(Cut(audit.Disowned.Select(d => $"{d.Entry} by {people.NameOf(d.By)}: {d.Reason}"), "Nothing.")),
        ], [])
        {
            Subtitle = audit.IsClosed ? $"Closed {audit.ClosedAt:yyyy-MM-dd}: every owner answered" : $"Open since {audit.OpenedAt:yyyy-MM-dd}; {waiting} owner(s) still to answer",
            Tone = audit.IsClosed ? Tone.Good : Tone.Attention,
        };
    }

    public static Card Confirmation(OwnershipAuditData audit, OwnerConfirmation confirmation, OwnershipMap map, PeopleDirectory people)
    {
        var rows = confirmation.Entries.Select(id => map.Find(id) is { } e ? $"{e.Id} ({e.Name}) · Tier {e.Tier} · on call {people.NameOf(map.OnCallOf(e) ?? "nobody")}" : id).ToList();
        var answered = confirmation.ConfirmedAt is not null;
        return new Card($"Ownership audit {audit.Quarter}: {people.NameOf(confirmation.Owner)}",
            [new TextBlock("The ownership map says these are yours:"), new ListBlock(Cut(rows, "Nothing left: you handed everything back.")),
             new TextBlock("Not yours? `/owner disown <entry> \"why\"` hands one back to its team's lead.", TextStyle.Subtle)],
            answered ? [] : [new ActionButton("Confirm, these are mine", OwnershipActions.Confirm,
                new Dictionary<string, string> { [OwnershipActions.Quarter] = audit.Quarter, [OwnershipActions.Owner] = confirmation.Owner }, ButtonStyle.Positive)])
        {
            Subtitle = answered ? $"Confirmed by {people.NameOf(confirmation.ConfirmedBy!)} {confirmation.ConfirmedAt:yyyy-MM-dd HH:mm} UTC" : "Waiting for your confirmation",
            Tone = answered ? Tone.Good : Tone.Attention,
            Actors = new[] { confirmation.Owner, confirmation.AskedOf }.Distinct().ToList(),
        };
    }

    private static List<string> Cut(IEnumerable<string> rows, string none)
    {
        var all = rows.ToList();
        if (all.Count == 0) return [none];
        return all.Count <= MaxRows ? all : [.. all.Take(MaxRows), $"…and {all.Count - MaxRows} more"];
    }
}
