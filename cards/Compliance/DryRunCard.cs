using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Compliance;

/// <summary>A quarter's internal audit dry run of one control, for its owner: Confirm or Record a finding while unanswered, the answer after.</summary>
public static class DryRunCard
{
    public static Card Build(Control control, DryRunData run, PeopleDirectory people)
    {
        var facts = new List<Fact>
        {
            new("Control", $"{control.Id} · {control.Definition.Title}"),
            new("Frameworks", string.Join(", ", control.Definition.Frameworks)),
            new("Owner", $"{people.NameOf(control.Definition.Owner)} (backup {people.NameOf(control.Definition.Backup)})"),
            new("State", run.State.ToString()),
        };
        if (run.AnsweredBy is { } by) facts.Add(new("Answered by", $"{people.NameOf(by)}, {run.AnsweredAt:yyyy-MM-dd HH:mm} UTC"));
        var body = new List<CardBlock> { new FactsBlock(facts) };
        if (run.Findings.Count > 0)
        {
            body.Add(new TextBlock("Findings", TextStyle.Heading));
            body.Add(new ListBlock(run.Findings.Select(f => $"{f.Number}. {f.Text} ({people.NameOf(f.By)}, {f.At:yyyy-MM-dd})").ToList()));
        }
        var reference = ComplianceActions.Reference(control, run);
        var record = new FormButton("Record a finding", ComplianceActions.Find, reference,
            [new TextInput(ComplianceActions.Finding, "What did you find?", Multiline: true, MaxLength: 2000)], "Record");
        var buttons = run.IsUnanswered
            ? new List<CardButton> { new ActionButton("Works as written", ComplianceActions.Confirm, reference, ButtonStyle.Positive), record }
            : run.Findings.Count > 0 ? [record] : [];
        return new Card($"Dry run {run.Quarter}: {control.Id}", body, buttons)
        {
            Subtitle = run.IsUnanswered ? $"Waiting for {people.NameOf(control.Definition.Owner)}" : run.State.ToString(),
            Tone = run.IsUnanswered ? Tone.Accent : run.Findings.Count > 0 ? Tone.Warning : Tone.Good,
            Refresh = new CardRefresh(ComplianceActions.Refresh, reference.Where(p => p.Key != ComplianceActions.Version).ToDictionary()),
            Actors = [control.Definition.Owner, control.Definition.Backup],
        };
    }
}
