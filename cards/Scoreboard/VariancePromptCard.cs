using ExecOps.Cards.Kpis;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Cards.Scoreboard;

/// <summary>The direct prompt to a red KPI's owner: the three fields seed §2 requires, answered in the card.</summary>
public static class VariancePromptCard
{
    public static Card Build((VarianceReviewData Review, VariancePrompt Prompt, Kpi Kpi) found, PeopleDirectory people)
    {
        var (review, prompt, kpi) = found;
        var id = $"{review.Week}/{kpi.Id}";
        var facts = new List<Fact>
        {
            new("Week", review.Week),
            new("Target", $"{kpi.Unit.Format(kpi.Target)} ({(kpi.Direction == KpiDirection.Higher ? "higher" : "lower")} is better)"),
            new("Owner", KpiOwnership.Owner(kpi, people)),
            new("Asked", people.NameOf(prompt.AskedOf) + (prompt.WithBackup ? " (backup owner, after no answer)" : "")),
        };
        if (prompt.Commentary is { } c)
        {
            facts.Add(new Fact("Cause", c.Cause));
            facts.Add(new Fact("Action", c.Action));
            facts.Add(new Fact("Back on target by", c.RecoveryBy.ToString("yyyy-MM-dd")));
            facts.Add(new Fact("Written by", $"{people.NameOf(c.By)}, {c.At:yyyy-MM-dd HH:mm} UTC"));
        }
        var form = new FormButton(prompt.Commentary is null ? "Add commentary" : "Revise commentary", ScoreboardActions.Commentary,
            new Dictionary<string, string> { [ScoreboardActions.Prompt] = id },
            [
                new TextInput(ScoreboardActions.Cause, "Cause: why is it red?", Multiline: true, MaxLength: 1000),
                new TextInput(ScoreboardActions.Action, "Action: what is being done, by whom?", Multiline: true, MaxLength: 1000),
                new TextInput(ScoreboardActions.RecoveryBy, "Expected back on target (yyyy-MM-dd)", Placeholder: "2026-12-15", MaxLength: 10),
            ], "Save commentary");
        return new Card($"Variance commentary: {kpi.Name}", [new FactsBlock(facts)], [form])
        {
            Subtitle = prompt.Commentary is null ? $"{kpi.Name} was red at the end of {review.Week}; the week cannot close without this." : "Answered",
            Tone = prompt.Commentary is null ? Tone.Attention : Tone.Good,
            Actors = new[] { kpi.Owner, kpi.Backup, prompt.AskedOf }.OfType<string>().Distinct().ToList(),
        };
    }
}
