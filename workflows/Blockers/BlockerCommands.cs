using System.Globalization;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Blockers;

/// <summary>The `/blocker` grammar: its help text, and the parse from words to a typed request.</summary>
public static partial class BlockerCommands
{
    public static readonly CommandArea Area = new("blocker", "blockers on internal dependencies, with each team's response SLA and the escalation ladder",
    [
        new("open", "/blocker \"<what>\" on:<team or service> [for:CHG-n|DEC-…]", "Open a blocker on a team (or the team owning a service): its SLA clock starts, then the ladder."),
        new("list", "/blocker [list]", "Open blockers, oldest first, with whom each is with now."),
        new("show", "/blocker show BLK-n", "One blocker, its ladder and its history."),
        new("unblock", "/blocker unblock BLK-n [\"<note>\"]", "Clear it (whoever opened it, or anyone on its ladder)."),
        new("reassign", "/blocker reassign BLK-n on:<team or service>", "Send it to another team, on that team's SLA (anyone on its ladder)."),
        new("accept", "/blocker accept BLK-n until:YYYY-MM-DD \"<why>\"", "Accept the delay until a date; it climbs again then (anyone on its ladder)."),
    ]) { RunsBare = true };

    public const int MaxWhat = 300;

    public static BlockerRequest Parse(CommandLine line) => line.Verb switch
    {
        null when line.Option("on") is null => new ListBlockers(),
        "list" => new ListBlockers(),
        "show" => new ShowBlocker(Id(line)),
        "unblock" => new UnblockBlocker(Id(line), Note(line.Arguments.Skip(1))),
        "reassign" => new ReassignBlocker(Id(line), line.Option("on") ?? throw new RefusedException(RefusalKind.Invalid, "Say where to: `/blocker reassign BLK-3 on:data`. Nothing was changed.")),
        "accept" => ParseAccept(line),
        "open" => ParseOpen(line, line.Arguments),
        _ when line.Option("on") is not null => ParseOpen(line, line.Words),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/blocker {line.Verb}` is not a blocker command.\n{Area.Help()}"),
    };

    public static AcceptBlockerDelay Accept(string id, string? until, string? reason)
    {
        if (!DateOnly.TryParseExact(until?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new RefusedException(RefusalKind.Invalid, $"until:{until} is not a date; write it like until:2026-12-15. Nothing was changed.", id);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxWhat)
            throw new RefusedException(RefusalKind.Invalid, $"Say why the delay is acceptable, in quotes and up to {MaxWhat} characters. Nothing was changed.", id);
        return new AcceptBlockerDelay(id, date, reason.Trim());
    }

    public static string BlockerId(string? text) => text is not null && IdPattern().IsMatch(text.Trim()) ? text.Trim().ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"`{text}` is not a blocker; name it like BLK-3. `/blocker list` shows the open ones.");

    private static OpenBlocker ParseOpen(CommandLine line, IEnumerable<string> words)
    {
        var what = string.Join(' ', words).Trim();
        if (what.Length is 0 or > MaxWhat)
            throw new RefusedException(RefusalKind.Invalid, $"Say what is blocked, in quotes and up to {MaxWhat} characters: `/blocker \"Need a read replica for the ledger\" on:data for:CHG-3`. Nothing was opened.");
        var on = line.Option("on") ?? throw new RefusedException(RefusalKind.Invalid, "Say who it waits on: on:<team or service>, e.g. on:data. Nothing was opened.");
        var @for = line.Option("for")?.Trim();
        if (@for is not null && !ForPattern().IsMatch(@for))
            throw new RefusedException(RefusalKind.Invalid, $"for:{@for} is neither a change (CHG-3) nor a decision (DEC-2026-11-02-01). Nothing was opened.");
        return new OpenBlocker(what, on.Trim(), @for?.ToUpperInvariant());
    }

    private static AcceptBlockerDelay ParseAccept(CommandLine line) => Accept(Id(line), line.Option("until"), string.Join(' ', line.Arguments.Skip(1)));

    private static string? Note(IEnumerable<string> words)
    {
        var note = string.Join(' ', words).Trim();
        return note.Length == 0 ? null : note.Length <= MaxWhat ? note
            : throw new RefusedException(RefusalKind.Invalid, $"The note is {note.Length} characters; keep it to {MaxWhat}. Nothing was changed.");
    }

    private static string Id(CommandLine line) => BlockerId(line.Arguments.FirstOrDefault());

    [GeneratedRegex(@"^BLK-\d{1,9}$", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(CHG-\d{1,9}|DEC-[A-Za-z0-9-]{1,40})$", RegexOptions.IgnoreCase)]
    private static partial Regex ForPattern();
}
