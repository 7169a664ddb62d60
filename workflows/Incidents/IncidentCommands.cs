using System.Globalization;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Incidents;

/// <summary>The `/incident` grammar: its help text and the parse from words to a request.</summary>
public static partial class IncidentCommands
{
    public static readonly CommandArea Area = new("incident", "declare and run incidents",
    [
        new("declare", "/incident declare <sev1|sev2|sev3|sev4> \"<title>\" [service:<name>] [impact:\"<customer impact>\"]", "Declare an incident; you become its incident commander."),
        new("update", "/incident update [INC-n] \"<text>\"", "Post a status update; resets the update cadence."),
        new("investigate", "/incident investigate|identify|mitigate|resolve|close|reopen [INC-n]", "Move the incident to its next state."),
        new("sev", "/incident sev [INC-n] <1-4>", "Change the severity; the update cadence follows."),
        new("role", "/incident role [INC-n] <ic|ops|comms|legal> @person", "Give someone a seat; the IC hands over with `role ic @person`."),
        new("notified", "/incident notified [INC-n] <customer>", "Record that a contracted customer was told of the incident (Comms, Legal, the IC); the deadline met or missed goes on the timeline."),
        new("comms", "/incident comms [INC-n] <statuspage|email|inapp> [publish]", "Render the pre-approved customer message for this severity; `statuspage publish` shows it with a button to post it on the status page (IC or Comms lead).", ReadOnly: true),
        new("brief", "/incident brief [INC-n]", "Exec briefing: impact, mitigation, owner, next update.", ReadOnly: true),
        new("timeline", "/incident timeline [INC-n]", "Every event, with time and actor.", ReadOnly: true),
        new("postmortem", "/incident postmortem [INC-n] cause:<category> summary:\"…\" systemic:\"…\" [prevent:\"…\"]", "Record the postmortem; closing needs one systemic prevention item."),
        new("show", "/incident show INC-n", "The incident card.", ReadOnly: true),
        new("list", "/incident list [all]", "Open incidents (all: closed ones too).", ReadOnly: true),
        new("repeat-offenders", "/incident repeat-offenders", "Root causes seen at least twice in 90 days.", ReadOnly: true),
        new("trends", "/incident trends [YYYY-MM]", "MTTR per severity, recurrence and customer impact for a month.", ReadOnly: true),
    ]);

    private static readonly Dictionary<string, IncidentTrigger> StepVerbs = new()
    {
        ["investigate"] = IncidentTrigger.Investigate, ["identify"] = IncidentTrigger.Identify, ["mitigate"] = IncidentTrigger.Mitigate,
        ["resolve"] = IncidentTrigger.Resolve, ["close"] = IncidentTrigger.Close, ["reopen"] = IncidentTrigger.Reopen,
    };

    public static readonly IReadOnlyList<string> CommsChannels = ["statuspage", "email", "inapp"];

    /// <summary>The usage line for a verb, so errors can show it.</summary>
    public static CommandUsage UsageOf(string? verb) =>
        Area.Find(verb) ?? (verb is not null && StepVerbs.ContainsKey(verb) ? Area.Find("investigate")! : Area.Find("declare")!);

    public static bool IsReadOnly(string? verb) => UsageOf(verb).ReadOnly && Area.Find(verb) is not null;

    public static IncidentRequest Parse(CommandLine line, DateTimeOffset now)
    {
        var verb = line.Verb ?? throw Wrong(null, "Say what to do.");
        var id = line.Arguments.FirstOrDefault(IsIncidentId);
        var rest = line.Arguments.Where(w => !IsIncidentId(w)).ToList();
        if (StepVerbs.TryGetValue(verb, out var step)) return new TakeStep(id, step);
        return verb switch
        {
            "declare" => Declare(rest, line),
            "update" => new PostStatusUpdate(id, Text(rest) ?? throw Wrong(verb, "The update text is missing.")),
            "sev" or "severity" => new SetSeverity(id, Severities.Parse(rest.FirstOrDefault() ?? throw Wrong(verb, "Which severity?"))),
            "role" => Role(id, rest, line),
            "comms" => Comms(id, rest),
            "notified" => new RecordNotified(id, Text(rest) ?? throw Wrong(verb, "Which customer?")),
            "brief" => new BriefIncident(id),
            "timeline" => new ShowTimeline(id),
            "show" => new ShowIncident(id ?? rest.FirstOrDefault()),
            "postmortem" => Postmortem(id, line),
            "list" => new ListIncidents(rest.Any(w => w.Equals("all", StringComparison.OrdinalIgnoreCase) || w.Equals("closed", StringComparison.OrdinalIgnoreCase))),
            "repeat-offenders" => new ListRepeatOffenders(),
            "trends" => Trends(rest, now),
            _ => throw new CommandSyntaxException($"`/incident {verb}` is not a command.\n{Area.Help()}"),
        };
    }

    private static DeclareIncident Declare(List<string> rest, CommandLine line)
    {
        if (rest.Count == 0) throw Wrong("declare", "The severity and title are missing.");
        var severity = Severities.Parse(rest[0]);
        var title = Text(rest.Skip(1).ToList()) ?? throw Wrong("declare", "The title is missing.");
        return new DeclareIncident(severity, title, line.Option("service"), line.Option("impact"));
    }

    private static GiveRole Role(string? id, List<string> rest, CommandLine line)
    {
        if (rest.Count == 0) throw Wrong("role", "Which role?");
        var role = IncidentRoles.Parse(rest[0]);
        var person = line.Mentions.FirstOrDefault() ?? rest.Skip(1).FirstOrDefault() ?? throw Wrong("role", "Who? Mention them with @.");
        return new GiveRole(id, role, person);
    }

    private static RenderComms Comms(string? id, List<string> rest)
    {
        var channel = rest.FirstOrDefault()?.ToLowerInvariant();
        if (channel is null || !CommsChannels.Contains(channel))
            throw Wrong("comms", $"Choose a template: {string.Join(", ", CommsChannels)}.");
        var publish = rest.Skip(1).FirstOrDefault()?.ToLowerInvariant();
        if (publish is not (null or "publish") || (publish is not null && channel != "statuspage"))
            throw Wrong("comms", "Only the status page is published from here: `/incident comms statuspage publish`.");
        return new RenderComms(id, channel, publish is not null);
    }

    private static WritePostmortem Postmortem(string? id, CommandLine line)
    {
        var items = new List<PreventionItem>();
        if (line.Option("systemic") is { Length: > 0 } systemic) items.Add(new PreventionItem(systemic, Systemic: true));
        if (line.Option("prevent") is { Length: > 0 } local) items.Add(new PreventionItem(local, Systemic: false));
        return new WritePostmortem(id, line.Option("cause"), line.Option("summary"), items);
    }

    private static ShowTrends Trends(List<string> rest, DateTimeOffset now)
    {
        if (rest.Count == 0) return new ShowTrends(now.Year, now.Month);
        if (DateTime.TryParseExact(rest[0], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return new ShowTrends(month.Year, month.Month);
        throw Wrong("trends", $"`{rest[0]}` is not a month; write it as YYYY-MM, e.g. {now:yyyy-MM}.");
    }

    private static string? Text(IReadOnlyList<string> words) => words.Count == 0 ? null : string.Join(" ", words);

    private static bool IsIncidentId(string word) => IncidentId().IsMatch(word);

    private static CommandSyntaxException Wrong(string? verb, string what) =>
        new($"{what} Usage: `{UsageOf(verb).Syntax}`");

    [GeneratedRegex("^INC-?[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex IncidentId();
}
