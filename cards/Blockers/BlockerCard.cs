using ExecOps.Workflows.Blockers;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Blockers;

/// <summary>A blocker, its ladder and history; the buttons are those the machine permits the viewer. And the list of open ones.</summary>
public static class BlockerCard
{
    private const int MaxSteps = 20;

    public static Card Build(Blocker blocker, OwnershipMap map, PeopleDirectory people, Workflows.People.Actor? viewer = null)
    {
        var data = blocker.Data;
        var facts = new List<Fact>
        {
            new("Waiting on", blocker.Ladder.TeamName + (data.Entry is { } entry ? $" ({entry})" : "")),
            new("Opened", $"{people.NameOf(data.OpenedBy)}, {data.OpenedAt:yyyy-MM-dd HH:mm} UTC"),
            new("With", data.IsCleared ? "nobody: it is cleared" : $"{people.NameOf(blocker.Holder)} (rung {data.Rung} of 3: team, lead, exec, CEO)"),
        };
        if (data.For is { } held) facts.Add(new Fact("Holds up", held));
        if (!data.IsCleared) facts.Add(data.DelayedUntil is { } until ? new Fact("Delay accepted until", $"{until:yyyy-MM-dd}: {data.DelayReason}") : new Fact("Response due", $"{data.DueAt:yyyy-MM-dd HH:mm} UTC"));
        var steps = data.History.TakeLast(MaxSteps).Select(s => $"{s.At:yyyy-MM-dd HH:mm} · {people.NameOf(s.By)} · {s.What}").ToList();
        var buttons = new List<CardButton>();
        var press = new Dictionary<string, string> { [BlockerActions.Blocker] = data.Id, [CardVersion.Key] = blocker.Version.ToString() };
        if (viewer is null || blocker.Can(viewer, BlockerTrigger.Unblock))
            buttons.Add(new FormButton("Unblock", BlockerActions.Unblock, press, [new TextInput(BlockerActions.Note, "What cleared it?", Required: false, MaxLength: BlockerCommands.MaxWhat)], "Unblock"));
        if (viewer is null || blocker.Can(viewer, BlockerTrigger.Reassign))
            buttons.Add(new FormButton("Reassign", BlockerActions.Reassign, press,
                [new ChoiceInput(BlockerActions.Team, "To which team?", map.Teams.Where(t => t.Id != data.Team).Take(100).Select(t => new Choice(t.Name, t.Id)).ToList())], "Reassign"));
        if (viewer is null || blocker.Can(viewer, BlockerTrigger.AcceptDelay))
            buttons.Add(new FormButton("Accept delay", BlockerActions.AcceptDelay, press,
                [new TextInput(BlockerActions.Until, "Until (YYYY-MM-DD)", Placeholder: "2026-12-15", MaxLength: 10), new TextInput(BlockerActions.Reason, "Why is the delay acceptable?", MaxLength: BlockerCommands.MaxWhat)], "Accept delay"));
        return new Card($"{data.Id}: {data.What}", [new FactsBlock(facts), new TextBlock("History", TextStyle.Heading), new ListBlock(steps)], data.IsCleared ? [] : buttons)
        {
            Subtitle = data.IsCleared ? $"Unblocked by {people.NameOf(data.UnblockedBy!)} {data.UnblockedAt:yyyy-MM-dd HH:mm} UTC" : Workflows.Machines.Refusals.Words(data.State),
            Tone = data.IsCleared ? Tone.Good : data.Rung > 0 ? Tone.Attention : Tone.Default,
            Actors = new[] { data.OpenedBy, blocker.Ladder.Lead, blocker.Ladder.Exec, blocker.Ladder.Ceo }.OfType<string>().Distinct().ToList(),
        };
    }

    public static Card List(IReadOnlyList<Blocker> open, PeopleDirectory people, DateTimeOffset now) =>
        new("Open blockers", [new ListBlock(open.Count == 0 ? ["None."] : open.Take(40).Select(b =>
            $"{b.Id} · {b.Data.What} · on {b.Ladder.TeamName} · {Workflows.Machines.Refusals.Words(b.Data.State)}, with {people.NameOf(b.Holder)} · open {(now - b.Data.OpenedAt).TotalHours:0} h").ToList())], [])
        {
            Subtitle = open.Count > 40 ? $"The 40 oldest of {open.Count}" : $"{open.Count} open",
            Tone = open.Any(b => b.Data.Rung > 0) ? Tone.Attention : Tone.Default,
        };
}
