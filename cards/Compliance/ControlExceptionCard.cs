using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Compliance;

/// <summary>A request for an exception to a control, for its approver: Approve or Reject while it waits, the decision for everyone after.</summary>
public static class ControlExceptionCard
{
    public static Card Build(Control control, ControlExceptionData exception, PeopleDirectory people)
    {
        var facts = new List<Fact>
        {
            new("Control", $"{control.Id} · {control.Definition.Title}"),
            new("Frameworks", string.Join(", ", control.Definition.Frameworks)),
            new("Except until", exception.Until.ToString("yyyy-MM-dd")),
            new("Compensating", exception.Compensating),
            new("Reason", exception.Reason),
            new("Requested by", $"{people.NameOf(exception.RequestedBy)}, {exception.RequestedAt:yyyy-MM-dd HH:mm} UTC"),
            new("Approver", people.NameOf(exception.Approver)),
            new("State", exception.State.ToString()),
        };
        if (exception.DecidedBy is { } by) facts.Add(new("Decided by", $"{people.NameOf(by)}, {exception.DecidedAt:yyyy-MM-dd HH:mm} UTC" + (exception.Note is { } n ? $": {n}" : "")));
        var reference = ComplianceActions.Reference(control, exception);
        var buttons = ApprovalButtons.While(exception.AwaitsApprover, "Approve", ComplianceActions.Approve, ComplianceActions.Reject, ComplianceActions.Note, reference);
        return new Card($"Exception to {control.Id}?", [new FactsBlock(facts)], buttons)
        {
            Subtitle = exception.AwaitsApprover ? $"Waiting for {people.NameOf(exception.Approver)}" : exception.State.ToString(),
            Tone = exception.AwaitsApprover ? Tone.Accent : exception.IsInForce ? Tone.Good : Tone.Default,
            Refresh = new CardRefresh(ComplianceActions.Refresh, reference.Where(p => p.Key != ComplianceActions.Version).ToDictionary()),
            Actors = [exception.Approver],
        };
    }
}
