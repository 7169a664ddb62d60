using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>The `/scoreboard` grammar: its help text, and the parse from words to a typed request.</summary>
public static class ScoreboardCommands
{
    /// <summary>The sub-commands, which a saved view may not be named after.</summary>
    public static readonly IReadOnlyList<string> Verbs = ["save", "views", "complete"];

    public static readonly CommandArea Area = new("scoreboard", "the Executive Scoreboard: the 12 KPIs, status, trend, freshness and commentary",
    [
        new("", "/scoreboard [domain|service|team] [segment:icp,emea] [week:YYYY-Www]", "The scoreboard card for the company, or one slice of it, this week or another.", ReadOnly: true),
        new("save", "/scoreboard save <name> [domain|service|team] [segment:…]", "Save a slice as your own view; `/scoreboard <name>` shows it."),
        new("views", "/scoreboard views", "Your saved views.", ReadOnly: true),
        new("complete", "/scoreboard complete [week:YYYY-Www]", "Mark a finished week's review done; refused while a red KPI has no variance commentary."),
    ]) { RunsBare = true };

    public static bool IsReadOnly(string? verb) => verb is not ("save" or "complete");

    public static ScoreboardRequest Parse(CommandLine line, DateTimeOffset now) => line.Verb switch
    {
        "save" when line.Arguments.Count == 0 =>
            throw new RefusedException(RefusalKind.Invalid, "Name the view, e.g. `/scoreboard save payments-emea payments segment:emea`."),
        // A view is a slice, opened on whatever week is asked then; keeping a week would mean dropping it unseen.
        "save" when line.Option("week") is { } week =>
            throw new RefusedException(RefusalKind.Invalid, $"A saved view keeps a slice, not a week, so week:{week} cannot be saved with it. Save it without the week, then open it for any week: `/scoreboard {line.Arguments[0]} week:{week}`."),
        "save" => new SaveView(line.Arguments[0], line.Arguments.Skip(1).ToList(), SliceOptions(line)),
        "views" => new ListViews(),
        "complete" => new CompleteWeek(line.Option("week") is { } text ? SliceResolver.Week(text, now) : IsoWeek.Of(now).Previous),
        _ => new ShowScoreboard(line.Words, SliceOptions(line), SliceResolver.Week(line.Option("week"), now)),
    };

    public static AnswerPrompt Answer(string? promptId, string? cause, string? action, string? recovery, DateTimeOffset now)
    {
        var prompt = promptId ?? throw new RefusedException(RefusalKind.Invalid, "That form carried no prompt id; ask for a fresh card.");
        if (!DateOnly.TryParseExact(recovery?.Trim(), "yyyy-MM-dd", out var recoveryBy))
            throw new RefusedException(RefusalKind.Invalid, $"\"{recovery?.Trim()}\" is not a date; write the expected recovery date as yyyy-MM-dd, e.g. {now.AddDays(14):yyyy-MM-dd}. Nothing was saved.");
        return new AnswerPrompt(prompt, cause ?? "", action ?? "", recoveryBy);
    }

    private static Dictionary<string, string> SliceOptions(CommandLine line) => line.Options.Where(o => o.Key != "week").ToDictionary();
}
