using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Cards.Scoreboard;

/// <summary>The scoreboard's card actions, and the slice and week they carry as action data.</summary>
public static class ScoreboardActions
{
    public const string View = "scoreboard.view";
    public const string Commentary = "scoreboard.commentary";

    public const string Prompt = "prompt";
    public const string Week = "week";
    public const string Cause = "cause";
    public const string Action = "action";
    public const string RecoveryBy = "recovery";

    public static IReadOnlyDictionary<string, string> Data(Slice slice, IsoWeek week)
    {
        var data = new Dictionary<string, string> { [Week] = week.ToString() };
        foreach (var (key, value) in Dimensions(slice))
            if (value is not null) data[key] = value;
        return data;
    }

    public static Slice SliceOf(IReadOnlyDictionary<string, string> data) => new(
        data.GetValueOrDefault("domain"), data.GetValueOrDefault("service"), data.GetValueOrDefault("team"),
        data.GetValueOrDefault("icp"), data.GetValueOrDefault("size"), data.GetValueOrDefault("region"));

    public static IEnumerable<(string Key, string? Value)> Dimensions(Slice slice) =>
    [
        ("domain", slice.Domain), ("service", slice.Service), ("team", slice.Team),
        ("icp", slice.Icp), ("size", slice.Size), ("region", slice.Region),
    ];
}
