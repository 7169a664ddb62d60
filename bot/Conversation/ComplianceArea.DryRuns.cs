using ExecOps.Cards;
using ExecOps.Cards.Compliance;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Bot.Conversation;

/// <summary>The dry run's answers: the quarter's card as it stands after the owner's answer.</summary>
public sealed partial class ComplianceArea
{
    private async Task<Card> DryRunAsync(string id, string? quarter, Action<Control, string> answer, long? seen)
    {
        string? answered = null;
        var control = await compliance.ActAsync(id, c => answer(c, answered = c.QuarterOrLatest(quarter)), seen);
        return DryRunCard.Build(control, control.DryRun(answered!), people);
    }

    private async Task<Card> DryRunCardAsync(string id, string quarter)
    {
        var control = await compliance.GetAsync(id);
        return DryRunCard.Build(control, control.DryRun(quarter), people);
    }
}
