using ExecOps.Cards;
using ExecOps.Cards.Spend;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Spend;

namespace ExecOps.Bot.Conversation;

/// <summary>`/spend`: a typed request to the spend service, and the result as a card.</summary>
public sealed class SpendArea(SpendService spend, SpendSettings settings) : IChatArea
{
    public CommandArea Area => SpendCommands.Area;

    /// <summary>What the company spends, and on whose behalf, is not for strangers.</summary>
    public bool IsReadOnly(CommandLine line) => false;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => SpendCommands.Parse(line) switch
    {
        ShowSpend s => [Reply.Private(SpendCards.Report(await spend.ReportAsync(s.Days), settings.Currency))],
        ShowExpired => [Reply.Private(SpendCards.Expired(await spend.ExpiredAsync(), settings.Currency))],
        ShowBudgets => [Reply.Private(SpendCards.Budgets(await spend.BudgetsAsync(), settings.Currency))],
        var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}."),
    };
}
