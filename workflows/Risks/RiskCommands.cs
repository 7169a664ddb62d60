using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Risks;

/// <summary>The `/risk` grammar: its help text, and the parse from words (or a form's fields) to a typed request.</summary>
public static partial class RiskCommands
{
    public static readonly CommandArea Area = new("risk", "the risk register: top 10 by exposure, mitigations, acceptances, escalations",
    [
        new("add", "/risk add \"<title>\" category:<legal|security|reliability|financial|vendor|people|compliance> p:30% impact:$250k customers:\"…\" owner:@p sponsor:@p [review:YYYY-MM-DD]",
            "Add a risk; with arguments missing, a form opens. An unknown owner falls to the CEO."),
        new("top", "/risk top", "The ten largest exposures with rating, owner, next action and due date.", ReadOnly: true),
        new("show", "/risk show RISK-n", "Everything about one risk.", ReadOnly: true),
        new("mitigate", "/risk mitigate RISK-n \"<action>\" owner:@p due:YYYY-MM-DD", "Add a mitigation; a missed due date escalates to the sponsor."),
        new("done", "/risk done RISK-n <mitigation> evidence:<INC-n | DEC-… | CHG-… | URL>", "Mark a mitigation shipped, with its evidence."),
        new("link", "/risk link RISK-n [evidence:<INC-n | DEC-… | CHG-n | URL>] [indicators:\"a; b\"]", "Attach evidence and leading indicators to watch."),
        new("update", "/risk update RISK-n [p:…] [impact:…] [customers:\"…\"]", "Restate a risk; if its rating goes up, its acceptance ends."),
        new("accept", "/risk accept RISK-n until:YYYY-MM-DD reason:\"…\"", "Ask the sponsor to accept the risk until a date (capped)."),
        new("close", "/risk close RISK-n review:YYYY-MM-DD", "Close a risk (sponsor), with its next review date."),
        new("reopen", "/risk reopen RISK-n", "Reopen a closed risk (sponsor)."),
        new("review", "/risk review", "The weekly review's agenda now: red risks, overdue mitigations, expiring acceptances, missed reviews.", ReadOnly: true),
    ]);

    public static bool IsReadOnly(string? verb) => verb is "top" or "show" or "review";

    public static RiskRequest Parse(CommandLine line) => line.Verb switch
    {
        "add" => Add(line.Arguments.Count > 0 ? string.Join(' ', line.Arguments) : null, line.Option("category"), line.Option("p"), line.Option("impact"),
            line.Option("customers"), line.Option("owner") ?? line.Mentions.FirstOrDefault(), line.Option("sponsor"), line.Option("review")),
        "top" => new ShowTopRisks(),
        "show" => new ShowRisk(Id(line)),
        "review" => new ShowRiskReview(),
        "mitigate" => new AddMitigation(Id(line), line.Arguments.Skip(1).FirstOrDefault() ?? "", line.Option("owner"), CommandValues.Date(line.Option("due"), "due")),
        "done" => new ShipMitigation(Id(line), Number(line.Arguments.Skip(1).FirstOrDefault(), "mitigation"), Evidence(line.Option("evidence"))),
        "link" => new LinkEvidence(Id(line), line.Option("evidence") is { } e ? Evidence(e) : null,
            (line.Option("indicators") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        "update" => new RestateRisk(Id(line), line.Option("p") is { } p ? RiskAmounts.Probability(p) : null,
            line.Option("impact") is { } i ? RiskAmounts.Money(i, "impact") : null, line.Option("customers")),
        "accept" => new AskAcceptance(Id(line), CommandValues.Date(line.Option("until"), "until"), line.Option("reason") ?? ""),
        "close" => new CloseRisk(Id(line), CommandValues.Date(line.Option("review"), "review")),
        "reopen" => new ReopenRisk(Id(line)),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/risk {line.Verb}` is not a risk command.\n{Area.Help()}"),
    };

    /// <summary>A new risk from the command or its form: the form again while something it needs is missing.</summary>
    public static RiskRequest Add(string? title, string? category, string? p, string? impact, string? customers, string? owner, string? sponsor, string? review)
    {
        var missing = new[] { ("a title", title), ("category:", category), ("p:", p), ("impact:", impact) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        if (missing.Count > 0) return new OpenRiskForm(missing);
        if (!Enum.TryParse<RiskCategory>(category, ignoreCase: true, out var parsed) || int.TryParse(category, out _))
            throw new RefusedException(RefusalKind.Invalid, $"category:{category} is not one of {string.Join(", ", Enum.GetNames<RiskCategory>().Select(c => c.ToLowerInvariant()))}.");
        return new AddRisk(title!, parsed, RiskAmounts.Probability(p), RiskAmounts.Money(impact, "impact"), customers ?? "", owner, sponsor,
            review is null ? null : CommandValues.Date(review, "review"));
    }

    /// <summary>Whether a piece of evidence names one of our incidents (shown as it stands on the risk's card).</summary>
    public static bool IsIncident(string link) => IncidentLink().IsMatch(link);

    public static int Number(string? text, string what) => int.TryParse(text, out var number) && number > 0 ? number
        : throw new RefusedException(RefusalKind.Invalid, $"Which {what}? Give its number, e.g. 1.");

    private static string Evidence(string? link)
    {
        var value = link?.Trim() ?? "";
        if (IncidentLink().IsMatch(value) || RecordLink().IsMatch(value) || Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http") return value;
        throw new RefusedException(RefusalKind.Invalid, $"evidence:{link} is not evidence I can follow: give INC-n, DEC-YYYY-MM-DD-NN, CHG-n or an http(s) URL.");
    }

    private static string Id(CommandLine line) => line.Arguments.FirstOrDefault() is { } id && RiskId().IsMatch(id) ? id.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"Which risk? Name it like `/risk {line.Verb} RISK-3 …`; `/risk top` lists them.");

    [GeneratedRegex("^RISK-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex RiskId();

    [GeneratedRegex("^INC-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex IncidentLink();

    [GeneratedRegex("^(DEC-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}|CHG-[0-9]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RecordLink();
}
