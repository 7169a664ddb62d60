using ExecOps.Bot.Scoreboard;
using ExecOps.Cards;
using ExecOps.Cards.Scoreboard;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Bot.Conversation;

/// <summary>`/scoreboard`: snapshots of the 12 KPIs by slice and week, saved views, closing the week, and the commentary prompt's form.</summary>
public sealed class ScoreboardArea(
    ScoreboardQueries queries, SavedViews views, VarianceReviews reviews, Segments segments,
    ScoreboardLinks links, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    private static readonly string[] Verbs = ["save", "views", "complete"];

    public CommandArea Area { get; } = new("scoreboard", "the Executive Scoreboard: the 12 KPIs, status, trend, freshness and commentary",
    [
        new("", "/scoreboard [domain|service|team] [segment:icp,emea] [week:YYYY-Www]", "The scoreboard card for the company, or one slice of it, this week or another.", ReadOnly: true),
        new("save", "/scoreboard save <name> [domain|service|team] [segment:…]", "Save a slice as your own view; `/scoreboard <name>` shows it."),
        new("views", "/scoreboard views", "Your saved views.", ReadOnly: true),
        new("complete", "/scoreboard complete [week:YYYY-Www]", "Mark a finished week's review done; refused while a red KPI has no variance commentary."),
    ]) { RunsBare = true };

    public bool IsReadOnly(CommandLine line) => line.Verb is not ("save" or "complete");

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        var now = clock.GetUtcNow();
        switch (line.Verb)
        {
            case "save":
                if (line.Arguments.Count == 0)
                    throw new RefusedException(RefusalKind.Invalid, "Name the view, e.g. `/scoreboard save payments-emea payments segment:emea`.");
                var slice = await ResolveAsync(line.Arguments.Skip(1), line.Options);
                var view = await views.SaveAsync(actor, line.Arguments[0], slice, Verbs);
                return [Reply.Private($"Saved `{view.Name}`: {view.Slice.Describe()}. Show it with `/scoreboard {view.Name}`.")];
            case "views":
                var mine = await views.ListAsync(actor);
                return [Reply.Private(mine.Count == 0
                    ? "You have no saved views. Save one with `/scoreboard save <name> …`."
                    : "Your views:\n" + string.Join("\n", mine.Select(v => $"• `/scoreboard {v.Name}`: {v.Slice.Describe()}")))];
            case "complete":
                var week = line.Option("week") is { } text ? SliceResolver.Week(text, now) : IsoWeek.Of(now).Previous;
                var review = await reviews.CompleteAsync(actor, week);
                var answered = review.Data.Prompts.Values.Count(p => p.Commentary is not null);
                return [new Reply(ReplyVisibility.Channel, $"{week} is marked complete by {actor.Name}: every red KPI has commentary ({answered} in all).")];
            default:
                // A saved view's name stands alone; options may still narrow it (`/scoreboard mine week:2026-W40`).
                var saved = line.Words.Count == 1 ? await views.FindAsync(actor, line.Words[0]) : null;
                var chosen = await ResolveAsync(saved is null ? line.Words : [], line.Options, saved?.Slice);
                return [await CardAsync(actor, chosen, SliceResolver.Week(line.Option("week"), now))];
        }
    }

    public bool Handles(string actionId) => actionId.StartsWith(ScoreboardActions.Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data)
    {
        if (actionId == ScoreboardActions.View)
            return [await CardAsync(actor, ScoreboardActions.SliceOf(data), SliceResolver.Week(data.GetValueOrDefault(ScoreboardActions.Week), clock.GetUtcNow()))];
        if (actionId != ScoreboardActions.Commentary)
            throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card.");
        var prompt = data.GetValueOrDefault(ScoreboardActions.Prompt)
            ?? throw new RefusedException(RefusalKind.Invalid, "That form carried no prompt id; ask for a fresh card.");
        var recovery = data.GetValueOrDefault(ScoreboardActions.RecoveryBy)?.Trim();
        if (!DateOnly.TryParseExact(recovery, "yyyy-MM-dd", out var recoveryBy))
            throw new RefusedException(RefusalKind.Invalid, $"\"{recovery}\" is not a date; write the expected recovery date as yyyy-MM-dd, e.g. {clock.GetUtcNow().AddDays(14):yyyy-MM-dd}. Nothing was saved.");
        await reviews.AnswerAsync(actor, prompt, data.GetValueOrDefault(ScoreboardActions.Cause) ?? "", data.GetValueOrDefault(ScoreboardActions.Action) ?? "", recoveryBy);
        return [new Reply(ReplyVisibility.Ephemeral, "Commentary saved.", await PromptCardAsync(prompt))];
    }

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(ScoreboardActions.Prompt) is { } prompt ? await PromptCardAsync(prompt) : null;

    private async Task<Card> PromptCardAsync(string promptId) => VariancePromptCard.Build(await reviews.PromptAsync(promptId), people);

    private async Task<Reply> CardAsync(Actor actor, Slice slice, IsoWeek week)
    {
        var snapshot = await queries.SnapshotAsync(actor, slice, week);
        // The current week is left out of the link, so a pinned page keeps showing the current week.
        var pinned = week == IsoWeek.Of(clock.GetUtcNow()) ? (IsoWeek?)null : week;
        return Reply.Private(ScoreboardCard.Build(snapshot, people, links.For(actor, slice, pinned)));
    }

    private async Task<Slice> ResolveAsync(IEnumerable<string> words, IReadOnlyDictionary<string, string> options, Slice? start = null) =>
        new SliceResolver(segments, await queries.PathsAsync()).Resolve(words, options.Where(o => o.Key != "week").ToDictionary(), start);
}
