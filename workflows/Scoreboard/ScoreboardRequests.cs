namespace ExecOps.Workflows.Scoreboard;

/// <summary>What a person asked of the scoreboard, parsed from the command grammar or a card.</summary>
public abstract record ScoreboardRequest;

/// <summary>A slice as typed (words and segment options, resolved against the data's paths) or a saved view's name, for one week.</summary>
public sealed record ShowScoreboard(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string> Options, IsoWeek Week) : ScoreboardRequest;

/// <summary>A slice from a card's button, already resolved.</summary>
public sealed record ShowSlice(Slice Slice, IsoWeek Week) : ScoreboardRequest;

public sealed record SaveView(string Name, IReadOnlyList<string> Words, IReadOnlyDictionary<string, string> Options) : ScoreboardRequest;
public sealed record ListViews : ScoreboardRequest;
public sealed record CompleteWeek(IsoWeek Week) : ScoreboardRequest;

/// <summary>A red KPI's owner answers the variance prompt: the cause, the action and when it will be back on target.</summary>
public sealed record AnswerPrompt(string PromptId, string Cause, string Action, DateOnly RecoveryBy) : ScoreboardRequest;
