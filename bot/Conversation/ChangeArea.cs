using System.Globalization;
using System.Text.RegularExpressions;
using ExecOps.Cards;
using ExecOps.Cards.Changes;
using ExecOps.Workflows;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/change`: tiered change envelopes, their approvals from cards, and the change calendar.</summary>
public sealed partial class ChangeArea(ChangeService changes, Drills drills, PeopleDirectory people) : IChatArea
{
    public CommandArea Area { get; } = new("change", "tiered change envelopes: approvals, freezes, the change calendar",
    [
        new("new", "/change new tier:<0|1|2|3> service:<name> \"<title>\" scope:\"…\" rollback:\"…\" metrics:\"p95_latency_ms<=300, error_rate<=0.5%\" owner:@p [window:<start>..<end>] [flag:<flag>] [idempotent:yes|no lock:<budget> migration-rollback:\"…\"]",
            "Open a change. Tier 0/1 need scope, rollback, guardrails and their service approver's approval; Tier 2/3 approve themselves; inside a freeze an exec approves too."),
        new("show", "/change show CHG-n", "One change envelope.", ReadOnly: true),
        new("edit", "/change edit CHG-n [any field of new]", "Change fields; an approved Tier 0/1 change goes back for approval."),
        new("calendar", "/change calendar", "Upcoming Tier 0/1 changes and the freeze windows.", ReadOnly: true),
        new("drill", "/change drill record service:<name> result:passed|failed time:<minutes>m notes:\"…\" | /change drill overdue", "Quarterly rollback drills of the Tier 0/1 services: record one, or list those overdue."),
        new("stats", "/change stats [service|team] [weeks:n]", "Change failure rate, lead time and deployments, week by week (4 weeks unless told).", ReadOnly: true),
    ]);

    public bool IsReadOnly(CommandLine line) => line.Verb is "show" or "calendar" or "stats" || (line.Verb == "drill" && line.Arguments.FirstOrDefault() == "overdue");

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        switch (line.Verb)
        {
            case "new":
                var missing = new[] { ("tier:", line.Option("tier")), ("service:", line.Option("service")), ("a title", line.Arguments.FirstOrDefault()) }
                    .Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
                if (missing.Count > 0) return [Reply.Private(NewChangeCard.Build($"Missing: {string.Join(", ", missing)}.", changes.Settings.Services.Keys.Order()))];
                var tier = Tier(line.Option("tier"));
                return [Card(await changes.CreateAsync(actor, tier, line.Option("service")!, line.Arguments[0], Fields(line, tier)))];
            case "show":
                return [Reply.Private(ChangeCard.Build(await changes.GetAsync(Id(line)), people))];
            case "edit":
                var existing = await changes.GetAsync(Id(line));
                return [Card(await changes.ActAsync(existing.Id, c => c.Edit(actor, Fields(line, existing.Data.Tier))))];
            case "stats":
                var scope = line.Arguments.FirstOrDefault();
                if (scope is not null && !changes.Knows(scope))
                    throw new RefusedException(RefusalKind.NotFound, $"`{scope}` is neither a service nor a team I know. Services: {string.Join(", ", changes.Settings.Services.Keys.Order())}.");
                var weeks = line.Option("weeks") is { } w ? int.TryParse(w, out var n) && n is >= 1 and <= 52 ? n
                    : throw new RefusedException(RefusalKind.Invalid, $"weeks:{w} must be a whole number from 1 to 52.") : 4;
                return [Reply.Private(ChangeStatsCard.Build(scope ?? "company", await changes.StatsAsync(scope, weeks)))];
            case "drill":
                return [Reply.Private(await DrillAsync(actor, line))];
            case "calendar":
                return [Reply.Private(Calendar(await changes.CalendarAsync()))];
            default:
                throw new RefusedException(RefusalKind.Invalid, $"`/change {line.Verb}` is not a change command.\n{Area.Help()}");
        }
    }

    public bool Handles(string actionId) => actionId is ChangeCard.Approve or ChangeCard.Reject or ChangeCard.Refresh or ChangeLinkCard.Link or NewChangeCard.New;

    public async Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data)
    {
        string? Field(string key) => data.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
        if (actionId == NewChangeCard.New)
        {
            var tier = Tier(Field("tier"));
            var owner = Field("owner") is { } o ? people.Require(o).Id : null;
            var fields = new ChangeFields(Field("scope"), Field("rollback"), Field("metrics"), owner, null, null, null, null);
            return [Card(await changes.CreateAsync(actor, tier, Field("service") ?? "", Field("title") ?? "", fields))];
        }
        var id = data.GetValueOrDefault(ChangeCard.Change) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no change id; ask for a fresh card with `/change show CHG-n`.");
        if (actionId == ChangeCard.Refresh) return [Reply.Private(ChangeCard.Build(await changes.GetAsync(id), people))];
        if (actionId == ChangeLinkCard.Link)
        {
            var incident = data.GetValueOrDefault(ChangeLinkCard.Incident) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no incident id.");
            return [Reply.ToChannel(ChangeLinkCard.Build(await changes.LinkAsync(actor, id, incident), incident))];
        }
        long? seen = long.TryParse(data.GetValueOrDefault(ChangeCard.Version), out var version) ? version : null;
        var change = await changes.ActAsync(id, c =>
        {
            if (actionId == ChangeCard.Approve) c.Approve(actor);
            else c.Reject(actor, data.GetValueOrDefault(ChangeCard.Reason));
        }, seen);
        return [Reply.ToChannel(ChangeCard.Build(change, people))];
    }

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(ChangeCard.Change) is { } id ? ChangeCard.Build(await changes.GetAsync(id), people) : null;

    private async Task<string> DrillAsync(Actor actor, CommandLine line)
    {
        switch (line.Arguments.FirstOrDefault()?.ToLowerInvariant())
        {
            case "record":
                var result = line.Option("result")?.ToLowerInvariant();
                if (result is not ("passed" or "failed")) throw new RefusedException(RefusalKind.Invalid, $"result:{result ?? "…"} must be passed or failed.");
                var recorded = await drills.RecordAsync(actor, line.Option("service") ?? "", result == "passed", BreakGlassArea.Duration(line.Option("time")), line.Option("notes") ?? "");
                return $"Drill recorded: {(recorded.Passed ? "passed" : "failed")}, rolled back in {recorded.TimeToRollBack.TotalMinutes:0} min. The next is due in a quarter.";
            case "overdue":
                var overdue = await drills.OverdueAsync();
                return overdue.Count == 0 ? "Every Tier 0/1 service has drilled this quarter."
                    : "Drills overdue:\n" + string.Join("\n", overdue.Select(o => $"• {o.Service}: " + (o.Last is { } l ? $"last drilled {l.At:yyyy-MM-dd} ({(l.Passed ? "passed" : "failed")})" : "never drilled")));
            default:
                throw new RefusedException(RefusalKind.Invalid, "Use `/change drill record service:<name> result:passed|failed time:<n>m notes:\"…\"` or `/change drill overdue`.");
        }
    }

    private Reply Card(Change change) => Reply.ToChannel(ChangeCard.Build(change, people));

    private Card Calendar(IReadOnlyList<ChangeData> upcoming)
    {
        var rows = upcoming.Select(c => $"{c.Id} · Tier {c.Tier} · {c.Service} · {c.Title} · {c.State} · " +
            (c.WindowStart is { } s ? $"{s:yyyy-MM-dd HH:mm}..{c.WindowEnd:HH:mm} UTC" : "no window")).ToList();
        var freezes = changes.Settings.Freezes.OrderBy(f => f.Start).Select(f => $"❄️ {f.Name}: {f.Start:yyyy-MM-dd HH:mm}..{f.End:yyyy-MM-dd HH:mm} UTC").ToList();
        return new Card("Change calendar", [
            new TextBlock("Tier 0/1 changes", TextStyle.Heading), new ListBlock(rows.Count == 0 ? ["None open."] : rows),
            new TextBlock("Freezes", TextStyle.Heading), new ListBlock(freezes.Count == 0 ? ["None configured."] : freezes),
        ], []);
    }

    private ChangeFields Fields(CommandLine line, int tier)
    {
        var owner = line.Option("owner") is { } o ? people.Require(o).Id : null;
        DateTimeOffset? start = null, end = null;
        if (line.Option("window") is { } window)
        {
            var parts = window.Split("..");
            if (parts.Length != 2 || !Instant(parts[0], out var s) || !Instant(parts[1], out var e))
                throw new RefusedException(RefusalKind.Invalid, $"window:{window} is not a window; write window:2026-11-20T22:00Z..2026-11-21T02:00Z.");
            (start, end) = (s, e);
        }
        var migration = Migration(line, tier);
        return new ChangeFields(line.Option("scope"), line.Option("rollback"), line.Option("metrics"), owner, start, end, line.Option("flag"), migration);
    }

    /// <summary>A data migration is stated with idempotent:, lock: and migration-rollback:; a Tier 0/1 change that states one must state all three.</summary>
    private static DataMigration? Migration(CommandLine line, int tier)
    {
        var (idempotent, budget, rollback) = (line.Option("idempotent"), line.Option("lock"), line.Option("migration-rollback"));
        if (idempotent is null && budget is null && rollback is null) return null;
        var missing = new[] { ("idempotent:yes|no", idempotent), ("lock:<budget>", budget), ("migration-rollback:\"…\"", rollback) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        if (tier <= 1 && missing.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"A Tier {tier} change with a data migration needs {string.Join(", ", missing)}. Nothing was changed.");
        if (idempotent is not (null or "yes" or "no")) throw new RefusedException(RefusalKind.Invalid, $"idempotent:{idempotent} must be yes or no.");
        return new DataMigration(idempotent == "yes", budget ?? "not stated", rollback ?? "not stated");
    }

    private static int Tier(string? text) => int.TryParse(text, out var tier) ? tier
        : throw new RefusedException(RefusalKind.Invalid, $"tier:{text ?? "…"} is not a number; use tier:0, 1, 2 or 3.");

    private static bool Instant(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private static string Id(CommandLine line) => line.Arguments.FirstOrDefault() is { } id && ChangeId().IsMatch(id) ? id.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"Which change? Name it like `/change {line.Verb} CHG-3`.");

    [GeneratedRegex("^CHG-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeId();
}
