using ExecOps.Workflows;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.People;

namespace ExecOps.Cards.Decisions;

/// <summary>A press on a decision card or the new-decision form, read into a typed request from the action id and the fields the card sent.</summary>
public static class DecisionActionRequests
{
    /// <summary>Every id the decision cards and form may carry, registered by the decision area.</summary>
    public static readonly IReadOnlyList<string> Ids = [DecisionCard.Approve, DecisionCard.Reject, DecisionCard.Refresh, NewDecisionCard.New];

    public static DecisionRequest Parse(string actionId, IReadOnlyDictionary<string, string> data, PeopleDirectory people)
    {
        string? Field(string key) => data.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
        if (actionId == NewDecisionCard.New) return new ProposeDecision(DecisionCommands.Draft(Field("title") ?? "", Field, people));
        var id = data.GetValueOrDefault(DecisionCard.Decision) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no decision id.");
        if (actionId == DecisionCard.Refresh) return new ShowDecision(id);
        var seen = CardVersion.Seen(data);
        return new DecideDecision(id, actionId == DecisionCard.Approve, seen);
    }
}
