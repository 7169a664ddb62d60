using ExecOps.Bot.Scoreboard;
using ExecOps.Cards;
using ExecOps.Cards.Scoreboard;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Bot.Conversation;

/// <summary>`/scoreboard` and its cards' buttons: a typed request to the queries, views and reviews, and the result as cards.</summary>
public sealed class ScoreboardArea(
    ScoreboardQueries queries, SavedViews views, ScoreboardService reviews, Segments segments,
    ScoreboardLinks links, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    public CommandArea Area => ScoreboardCommands.Area;

    public bool IsReadOnly(CommandLine line) => ScoreboardCommands.IsReadOnly(line.Verb);

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, ScoreboardCommands.Parse(line, clock.GetUtcNow()));

    public IReadOnlyCollection<string> ActionIds { get; } = [ScoreboardActions.View, ScoreboardActions.Commentary];

    public IReadOnlyCollection<string> SubjectKinds { get; } = [VarianceReview.PromptKind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => await PromptCardAsync(subject.Id);

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, ScoreboardActionRequests.Parse(actionId, data, clock.GetUtcNow()));

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(ScoreboardActions.Prompt) is { } prompt ? await PromptCardAsync(prompt) : null;

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, ScoreboardRequest request)
    {
        switch (request)
        {
            case SaveView s:
                var view = await views.SaveAsync(actor, s.Name, await ResolveAsync(s.Words, s.Options), ScoreboardCommands.Verbs);
                return [Reply.Private($"Saved `{view.Name}`: {view.Slice.Describe()}. Show it with `/scoreboard {view.Name}`.")];
            case ListViews:
                var mine = await views.ListAsync(actor);
                return [Reply.Private(mine.Count == 0 ? "You have no saved views. Save one with `/scoreboard save <name> …`."
                    : "Your views:\n" + string.Join("\n", mine.Select(v => $"• `/scoreboard {v.Name}`: {v.Slice.Describe()}")))];
            case CompleteWeek c:
                var review = await reviews.CompleteAsync(actor, c.Week);
                var answered = review.Data.Prompts.Values.Count(p => p.Commentary is not null);
                return [new Reply(ReplyVisibility.Channel, $"{c.Week} is marked complete by {actor.Name}: every red KPI has commentary ({answered} in all).")];
            case AnswerPrompt a:
                await reviews.AnswerAsync(actor, a.PromptId, a.Cause, a.Action, a.RecoveryBy);
                return [new Reply(ReplyVisibility.Ephemeral, "Commentary saved.", await PromptCardAsync(a.PromptId))];
            case ShowSlice s:
                return [await CardAsync(actor, s.Slice, s.Week)];
            case ShowScoreboard show:
                // A saved view's name stands alone; options may still narrow it (`/scoreboard mine week:2026-W40`).
                var saved = show.Words.Count == 1 ? await views.FindAsync(actor, show.Words[0]) : null;
                return [await CardAsync(actor, await ResolveAsync(saved is null ? show.Words : [], show.Options, saved?.Slice), show.Week)];
            default:
                throw new InvalidOperationException($"No handler for {request.GetType().Name}.");
        }
    }

    private async Task<Card> PromptCardAsync(string promptId) => VariancePromptCard.Build(await reviews.PromptAsync(promptId), people);

    private async Task<Reply> CardAsync(Actor actor, Slice slice, IsoWeek week)
    {
        var snapshot = await queries.SnapshotAsync(actor, slice, week);
        // The default week (the last complete one) is left out of the link, so a pinned page keeps showing the default.
        var pinned = week == IsoWeek.Of(clock.GetUtcNow()).Previous ? (IsoWeek?)null : week;
        return Reply.Private(ScoreboardCard.Build(snapshot, people, links.For(actor, slice, pinned)));
    }

    private async Task<Slice> ResolveAsync(IEnumerable<string> words, IReadOnlyDictionary<string, string> options, Slice? start = null) =>
        new SliceResolver(segments, await queries.PathsAsync()).Resolve(words, options, start);
}
