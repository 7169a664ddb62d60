using System.Globalization;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Workflows.Spend;

/// <summary>The `/spend` grammar: its help text, and the parse from words to a typed request.</summary>
public static partial class SpendCommands
{
    public static readonly CommandArea Area = new("spend", "cloud and vendor spend by service, team and tenant; weekly movers, budgets, savings",
    [
        new("show", "/spend [days:7]", "Spend in the last days by service and team against the days before, and untagged spend by provider."),
        new("movers", "/spend movers [week:YYYY-Www]", "A week's top movers by service and team, and the explanations their owners gave."),
        new("explain", "/spend explain service:<name>|team:<name> \"<why>\" [change:CHG-n] [week:YYYY-Www]", "Explain a mover of your spend, and the change behind it."),
        new("complete", "/spend complete [week:YYYY-Www]", "Mark a week's spend review done; refused while a mover has no explanation."),
        new("savings", "/spend savings [\"<what>\" amount:<per month> service:<name> evidence:<link>]", "Record a saving shipped, with its evidence; alone, this month's savings."),
        new("expired", "/spend expired", "Non-prod spend still billed after its expires date, with whose it is."),
        new("budgets", "/spend budgets", "Each budget this month: spent, forecast at the current daily rate, and the alerts reached."),
    ]) { RunsBare = true };

    public static SpendRequest Parse(CommandLine line, DateTimeOffset now) => line.Verb switch
    {
        null or "show" => new ShowSpend(line.Option("days") is { } days ? Days(days) : 7),
        "movers" => new ShowMovers(SliceResolver.Week(line.Option("week"), now)),
        "explain" => ParseExplain(line, now),
        "complete" => new CompleteSpendReview(SliceResolver.Week(line.Option("week"), now)),
        "savings" when line.Arguments.Count == 0 && line.Options.Count == 0 => new ListSavings(),
        "savings" => ParseSaving(line),
        "expired" => new ShowExpired(),
        "budgets" => new ShowBudgets(),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/spend {line.Verb}` is not a spend command.\n{Area.Help()}"),
    };

    /// <summary>An explanation from the command or the mover card's form: the words, and the change if one is named.</summary>
    public static ExplainMover Explain(string? moverId, string? text, string? change)
    {
        if (string.IsNullOrWhiteSpace(moverId))
            throw new RefusedException(RefusalKind.Invalid, "The explanation does not say which mover it is for; ask for a fresh card.");
        if (string.IsNullOrWhiteSpace(text))
            throw new RefusedException(RefusalKind.Invalid, "An explanation needs words: what moved and why. Nothing was saved.");
        if (text.Trim().Length > 1000)
            throw new RefusedException(RefusalKind.Invalid, $"The explanation is {text.Trim().Length} characters; keep it to 1000 and link the details.");
        return new ExplainMover(moverId, text.Trim(), string.IsNullOrWhiteSpace(change) ? null : ChangeId(change));
    }

    private static ExplainMover ParseExplain(CommandLine line, DateTimeOffset now)
    {
        var week = SliceResolver.Week(line.Option("week"), now);
        var (service, team) = (line.Option("service"), line.Option("team"));
        if ((service is null) == (team is null))
            throw new RefusedException(RefusalKind.Invalid, "Say which mover: `service:<name>` or `team:<name>`, one of them. For example `/spend explain service:payments \"load test\" change:CHG-3`.");
        var mover = service is not null ? $"service:{service.Trim().ToLowerInvariant()}" : $"team:{team!.Trim().ToLowerInvariant()}";
        return Explain(SpendReview.MoverId(week, mover), string.Join(' ', line.Arguments), line.Option("change"));
    }

    private static RecordSaving ParseSaving(CommandLine line)
    {
        var what = string.Join(' ', line.Arguments).Trim();
        var problems = new List<string>();
        if (what.Length is 0 or > 200) problems.Add("say what was saved, in quotes, in up to 200 characters");
        var amount = line.Option("amount") is { } text && decimal.TryParse(text.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= Bounds.MaxMoney ? value : (decimal?)null;
        if (amount is null) problems.Add("amount: must be the saving per month, a positive number like amount:1200");
        var service = line.Option("service")?.Trim().ToLowerInvariant();
        if (service is null || !NamePattern().IsMatch(service)) problems.Add("service: must name the service that saves (letters, digits, dots, dashes)");
        var evidence = line.Option("evidence");
        if (evidence is null || !Uri.TryCreate(evidence, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Add("evidence: must be a link to what shows the saving (the merged change, the bill before and after)");
        if (problems.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"Nothing was recorded: {string.Join("; ", problems)}. For example `/spend savings \"Rightsized the search cluster\" amount:1200 service:search evidence:https://…`.");
        return new RecordSaving(what, amount!.Value, service!, evidence!);
    }

    private static string ChangeId(string text) => ChangePattern().IsMatch(text.Trim()) ? text.Trim().ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"change:{text} is not a change id; give it like change:CHG-3, or leave it out.");

    private static int Days(string text) => int.TryParse(text, out var days) && days is > 0 and <= 366 ? days
        : throw new RefusedException(RefusalKind.Invalid, $"days:{text} must be a whole number of days from 1 to 366.");

    [GeneratedRegex(@"^CHG-\d{1,9}$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
