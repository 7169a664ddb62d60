using ExecOps.Cards;
using ExecOps.Cards.Compliance;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>Compliance's answers to evidence and exceptions: which text or card goes back.</summary>
public sealed partial class ComplianceArea
{
    private async Task<Reply> RecordAsync(Actor actor, RecordEvidence record)
    {
        var (control, item, added) = await compliance.RecordAsync(actor, record.ControlId, record.Kind, record.Content);
        var colour = ComplianceFormat.Colour(control.Data);
        return Reply.Private(added
            ? $"Recorded {control.Id} evidence #{item.Sequence} ({item.Kind}) at {item.RecordedAt:yyyy-MM-dd HH:mm} UTC, sha256 {item.Sha256}. {control.Id} is {colour}."
            : $"That evidence was already recorded today as {control.Id} #{item.Sequence} ({item.RecordedAt:yyyy-MM-dd HH:mm} UTC, sha256 {item.Sha256}); nothing was added. {control.Id} is {colour}.");
    }

    private async Task<Card> AskAsync(Actor actor, AskException ask)
    {
        var (control, exception) = await compliance.RequestExceptionAsync(actor, ask.ControlId, ask.Until, ask.Compensating, ask.Reason);
        return ControlExceptionCard.Build(control, exception, people);
    }

    private async Task<Card> DecideAsync(Actor actor, DecideException decide)
    {
        var control = await compliance.ActAsync(decide.ControlId, c => c.DecideException(actor, decide.Number, decide.Approve, decide.Note), decide.Seen);
        return ControlExceptionCard.Build(control, control.Exception(decide.Number), people);
    }
}
