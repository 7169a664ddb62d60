using ExecOps.Cards;
using ExecOps.Cards.Spend;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Spend;
using static ExecOps.Workflows.Spend.SpendFormat;

namespace ExecOps.Bot.Conversation;

/// <summary>`/spend` and its cards' buttons: a typed request to the spend service and the weekly reviews, and the result as a card.</summary>
public sealed class SpendArea(SpendService spend, SpendReviews reviews, SpendSettings settings, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    public CommandArea Area => SpendCommands.Area;

    /// <summary>What the company spends, and on whose behalf, is not for strangers.</summary>
    public bool IsReadOnly(CommandLine line) => false;

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, SpendCommands.Parse(line, clock.GetUtcNow()), pressed: false);

    public IReadOnlyCollection<string> ActionIds => SpendActions.All;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [SpendReview.Kind, SpendReview.MoverKind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => subject.Kind == SpendReview.Kind
        ? SpendReviewCards.Review(await reviews.ReviewAsync(Workflows.Scoreboard.SliceResolver.Week(subject.Id, clock.GetUtcNow())), people, settings.Currency)
        : await MoverCardAsync(subject.Id);

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, SpendActionRequests.Parse(actionId, data, clock.GetUtcNow()), pressed: true);

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(SpendActions.Mover) is { } mover ? await MoverCardAsync(mover) : null;

    /// <param name="pressed">From a card's button: an explanation then updates the card it was given on, for whoever sees it.</param>
    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, SpendRequest request, bool pressed) => request switch
    {
        ShowSpend s => [Reply.Private(SpendCards.Report(await spend.ReportAsync(s.Days), settings.Currency))],
        ShowExpired => [Reply.Private(SpendCards.Expired(await spend.ExpiredAsync(), settings.Currency))],
        ShowBudgets => [Reply.Private(SpendCards.Budgets(await spend.BudgetsAsync(), settings.Currency))],
        ShowMovers m => [Reply.Private(SpendReviewCards.Review(await reviews.ReviewAsync(m.Week), people, settings.Currency))],
        ExplainMover e => [new Reply(pressed ? ReplyVisibility.Channel : ReplyVisibility.Ephemeral, "Explanation saved.", MoverCard(await reviews.ExplainAsync(actor, e.MoverId, e.Text, e.Change)))],
        CompleteSpendReview c => [new Reply(ReplyVisibility.Channel,
            $"The spend review of {c.Week} is marked complete by {actor.Name}: every mover is explained ({(await reviews.CompleteAsync(actor, c.Week)).Data.Movers.Count} in all).")],
        RecordSaving r => [Reply.Private(await SavedAsync(actor, r))],
        ListSavings => [Reply.Private(SpendCards.Savings(await spend.SavingsThisMonthAsync(), settings.Currency))],
        var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}."),
    };

    private async Task<string> SavedAsync(Actor actor, RecordSaving r)
    {
        var saving = await spend.RecordSavingAsync(actor, r);
        return $"Recorded {saving.Id}: {saving.What} on {saving.Service}, {Money(saving.Monthly)} {settings.Currency} a month (evidence {saving.Evidence}). It goes into this month's board packet.";
    }

    private async Task<Card> MoverCardAsync(string moverId) => MoverCard(await reviews.MoverAsync(moverId));

    private Card MoverCard((SpendReviewData, SpendMover) found) => SpendReviewCards.Mover(found, people, settings.FinOpsLead, settings.Currency);
}
