using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Workflows.Ownership;

/// <summary>The `/owner` grammar: its help text, and the parse from words to a typed request.</summary>
public static partial class OwnershipCommands
{
    public static readonly CommandArea Area = new("owner", "who owns, runs and approves each service, system and data set; orphans and the quarterly audit",
    [
        new("show", "/owner [<service|system|data set|team|kpi|control>]", "Owner, on-call, tier, team and dependencies of one entry (and what depends on it); alone, the whole map."),
        new("orphans", "/owner orphans", "Entries nobody owns or whose owner left the directory, and teams without a lead."),
        new("load", "/owner load [weeks:4]", "Incidents, pages, tasks and blockers per team over the last weeks, and the teams above their share."),
        new("set", "/owner set <entry> [owner:@p] [oncall:@p] [approver:@p] [team:<team>] [tier:0-3] [channel:#c] | /owner set team:<team> [lead:@p] [exec:@p] [channel:#c]",
            "Amend the map (admins); every change is audited and its people told."),
        new("audit", "/owner audit [quarter:YYYY-Qn]", "The quarterly ownership audit: who has confirmed, the zombies and the orphans."),
        new("confirm", "/owner confirm [quarter:YYYY-Qn]", "Confirm that what the audit lists as yours is yours."),
        new("disown", "/owner disown <entry> \"<why>\"", "Say an entry is not yours: its team's lead is asked to give it an owner."),
    ]) { RunsBare = true };

    public static OwnershipRequest Parse(CommandLine line) => line.Verb switch
    {
        null => new ShowMap(),
        "show" when line.Arguments.Count == 0 => new ShowMap(),
        "show" => new ShowOwner(Name(line.Arguments[0])),
        "orphans" => new ShowOrphans(),
        "load" => new ShowLoad(line.Option("weeks") is { } weeks ? Weeks(weeks) : 4),
        "set" => ParseSet(line),
        "audit" => new ShowAudit(ComplianceCommands.Quarter(line.Option("quarter"))),
        "confirm" => new ConfirmOwnership(ComplianceCommands.Quarter(line.Option("quarter"))),
        "disown" => ParseDisown(line),
        _ when line.Words.Count == 1 && line.Options.Count == 0 => new ShowOwner(Name(line.Words[0])),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/owner {line.Verb}` is not an owner command.\n{Area.Help()}"),
    };

    private static AmendOwnership ParseSet(CommandLine line)
    {
        var team = line.Option("team");
        var ofTeam = line.Arguments.Count == 0 && team is not null;
        if (!ofTeam && line.Arguments.Count != 1)
            throw new RefusedException(RefusalKind.Invalid, "Say what to amend: `/owner set payments owner:@lee`, or a team with `/owner set team:payments-core lead:@sam`. Nothing was changed.");
        var allowed = ofTeam ? OwnershipAmendment.TeamFields : OwnershipAmendment.EntryFields;
        var changes = line.Options.Where(o => !(ofTeam && o.Key == "team")).Select(o => (Field: o.Key.ToLowerInvariant(), Value: o.Value.Trim())).ToList();
        var unknown = changes.Where(c => !allowed.Contains(c.Field)).Select(c => c.Field).ToList();
        if (unknown.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"{string.Join(", ", unknown.Select(u => u + ":"))} cannot be set on {(ofTeam ? "a team" : "an entry")}; it takes {string.Join(", ", allowed.Select(a => a + ":"))}. Nothing was changed.");
        if (changes.Count == 0)
            throw new RefusedException(RefusalKind.Invalid, $"Nothing to set: give at least one of {string.Join(", ", allowed.Select(a => a + ":"))}. Nothing was changed.");
        return new AmendOwnership(Name(ofTeam ? team! : line.Arguments[0]), ofTeam, changes);
    }

    private static DisownEntry ParseDisown(CommandLine line)
    {
        var reason = string.Join(' ', line.Arguments.Skip(1)).Trim();
        if (line.Arguments.Count < 2 || reason.Length is 0 or > 500)
            throw new RefusedException(RefusalKind.Invalid, "Say which entry and why, in up to 500 characters: `/owner disown search-index \"moved to the data team in October\"`. Nothing was changed.");
        return new DisownEntry(Name(line.Arguments[0]), reason);
    }

    private static int Weeks(string text) => int.TryParse(text, out var weeks) && weeks is >= 1 and <= 52 ? weeks
        : throw new RefusedException(RefusalKind.Invalid, $"weeks:{text} must be a whole number of weeks from 1 to 52.");

    private static string Name(string text) => NamePattern().IsMatch(text.Trim()) ? text.Trim().ToLowerInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"`{(text.Length > 40 ? text[..40] + "…" : text)}` is not a name in the map; names are letters, digits and dashes, like payments or CTRL-3. `/owner` lists them.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
