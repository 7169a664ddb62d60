using System.Globalization;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Resilience;

/// <summary>The `/resilience` grammar: its help text, and the parse from words to a typed request.</summary>
public static partial class ResilienceCommands
{
    public static readonly CommandArea Area = new("resilience", "the resilience scorecard of Tier 0/1 services: RTO/RPO, DR drills, game days, open risks",
    [
        new("show", "/resilience", "The scorecard: each Tier 0/1 service's RTO and RPO, last DR drill against them, game days and open resilience risks."),
        new("drill", "/resilience drill service:<name> result:passed|failed recovery:<n>m [data-loss:<n>m] notes:\"…\"", "Record a disaster-recovery drill; a failed one, or one past its RTO or RPO, opens a risk."),
        new("gameday", "/resilience gameday add \"<name>\" service:<name> scenario:\"…\" on:YYYY-MM-DD | list | record GD-n result:passed|failed notes:\"…\" with:@a,@b",
            "The game-day catalog: plan one, list them, record how it went and who took part (a failed one opens a risk)."),
    ]) { RunsBare = true };

    public static ResilienceRequest Parse(CommandLine line, DateTimeOffset now) => line.Verb switch
    {
        null or "show" => new ShowScorecard(),
        "drill" => new RecordDrDrill(Service(line), Result(line), Minutes(line.Option("recovery"), "recovery") ?? throw Needs("recovery:<n>m, the time it took to recover"),
            Minutes(line.Option("data-loss"), "data-loss"), Notes(line)),
        "gameday" => line.Arguments.FirstOrDefault()?.ToLowerInvariant() switch
        {
            "add" => ParsePlan(line, now),
            "list" or null => new ListGameDays(),
            "record" => new RecordGameDay(GameDayId(line.Arguments.ElementAtOrDefault(1)), Result(line), Notes(line), With(line.Option("with"))),
            var other => throw new RefusedException(RefusalKind.Invalid, $"`/resilience gameday {other}` is not a game-day command: add, list or record.\n{Area.Help()}"),
        },
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/resilience {line.Verb}` is not a resilience command.\n{Area.Help()}"),
    };

    private static PlanGameDay ParsePlan(CommandLine line, DateTimeOffset now)
    {
        var name = string.Join(' ', line.Arguments.Skip(1)).Trim();
        if (name.Length is 0 or > 120) throw Needs("a name in quotes, up to 120 characters");
        var scenario = line.Option("scenario")?.Trim() is { Length: > 0 and <= 1000 } s ? s : throw Needs("scenario:\"…\", what fails and what you expect, up to 1000 characters");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!DateOnly.TryParseExact(line.Option("on"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) || on < today || on > today.AddYears(1))
            throw Needs($"on:YYYY-MM-DD, from today ({today:yyyy-MM-dd}) to a year ahead");
        return new PlanGameDay(name, Service(line), scenario, on);
    }

    private static string Service(CommandLine line) => line.Option("service")?.Trim().ToLowerInvariant() is { Length: > 0 and <= 64 } service ? service : throw Needs("service:<name>");

    private static bool Result(CommandLine line) => line.Option("result")?.ToLowerInvariant() switch
    {
        "passed" => true,
        "failed" => false,
        _ => throw Needs("result:passed or result:failed"),
    };

    private static TimeSpan? Minutes(string? text, string what)
    {
        if (text is null) return null;
        return MinutesPattern().Match(text.Trim()) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var minutes) && minutes is >= 0 and <= 60 * 24 * 30
            ? TimeSpan.FromMinutes(minutes) : throw Needs($"{what}:<n>m in whole minutes, like {what}:45m (not \"{text}\")");
    }

    private static string Notes(CommandLine line) => line.Option("notes")?.Trim() is { Length: > 0 and <= 1000 } notes ? notes : throw Needs("notes:\"…\", what happened, up to 1000 characters");

    private static IReadOnlyList<string> With(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.TrimStart('@')).Distinct().ToList() is { Count: > 0 and <= 50 } people
            ? people : throw Needs("with:@a,@b, who took part");

    private static string GameDayId(string? text) => text is not null && IdPattern().IsMatch(text) ? text.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"`{text}` is not a game day; name it like GD-3. `/resilience gameday list` shows them.");

    private static RefusedException Needs(string what) => new(RefusalKind.Invalid, $"Nothing was recorded: it needs {what}. `/resilience help` shows every form.");

    [GeneratedRegex(@"^(\d{1,6})m$", RegexOptions.IgnoreCase)]
    private static partial Regex MinutesPattern();

    [GeneratedRegex(@"^GD-\d{1,9}$", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();
}
