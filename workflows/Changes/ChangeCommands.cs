using System.Globalization;
using System.Text.RegularExpressions;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Changes;

/// <summary>The `/change` grammar: its help text, and the parse from words (or the form's fields) to a typed request.</summary>
public static partial class ChangeCommands
{
    public static readonly CommandArea Area = new("change", "tiered change envelopes: approvals, freezes, the change calendar",
    [
        new("new", "/change new tier:<0|1|2|3> service:<name> \"<title>\" scope:\"…\" rollback:\"…\" metrics:\"p95_latency_ms<=300, error_rate<=0.5%\" owner:@p [window:<start>..<end>] [flag:<flag>] [idempotent:yes|no lock:<budget> migration-rollback:\"…\"]",
            "Open a change. Tier 0/1 need scope, rollback, guardrails and their service approver's approval; Tier 2/3 approve themselves; inside a freeze an exec approves too."),
        new("show", "/change show CHG-n", "One change envelope.", ReadOnly: true),
        new("edit", "/change edit CHG-n [any field of new]", "Change fields; an approved Tier 0/1 change goes back for approval."),
        new("calendar", "/change calendar", "Upcoming Tier 0/1 changes and the freeze windows.", ReadOnly: true),
        new("drill", "/change drill record service:<name> result:passed|failed time:<minutes>m notes:\"…\" | /change drill overdue", "Quarterly rollback drills of the Tier 0/1 services: record one, or list those overdue."),
        new("stats", "/change stats [service|team] [weeks:n]", "Change failure rate, lead time and deployments, week by week (4 weeks unless told).", ReadOnly: true),
    ]);

    public static bool IsReadOnly(CommandLine line) => line.Verb is "show" or "calendar" or "stats" || (line.Verb == "drill" && line.Arguments.FirstOrDefault() == "overdue");

    public static ChangeRequest Parse(CommandLine line) => line.Verb switch
    {
        "new" => New(line.Option("tier"), line.Option("service"), line.Arguments.FirstOrDefault(), Input(line)),
        "show" => new ShowChange(Id(line)),
        "edit" => new EditChange(Id(line), Input(line)),
        "stats" => new ShowChangeStats(line.Arguments.FirstOrDefault(), line.Option("weeks") is { } w ? int.TryParse(w, out var n) && n is >= 1 and <= 52 ? n
            : throw new RefusedException(RefusalKind.Invalid, $"weeks:{w} must be a whole number from 1 to 52.") : 4),
        "drill" => Drill(line),
        "calendar" => new ShowChangeCalendar(),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/change {line.Verb}` is not a change command.\n{Area.Help()}"),
    };

    /// <summary>A new envelope from the command or its form: the form again while the tier, service or title is missing.</summary>
    public static ChangeRequest New(string? tier, string? service, string? title, ChangeInput input)
    {
        var missing = new[] { ("tier:", tier), ("service:", service), ("a title", title) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        return missing.Count > 0 ? new OpenChangeForm(missing) : new OpenChange(Tier(tier), service!, title!, input);
    }

    /// <summary>The typed fields with the owner resolved; a Tier 0/1 change that states a data migration must state all three of its parts.</summary>
    public static ChangeFields Fields(ChangeInput input, int tier, string? ownerId)
    {
        var (idempotent, budget, rollback) = (input.Idempotent, input.LockBudget, input.MigrationRollback);
        DataMigration? migration = null;
        if (idempotent is not null || budget is not null || rollback is not null)
        {
            var missing = new[] { ("idempotent:yes|no", idempotent), ("lock:<budget>", budget), ("migration-rollback:\"…\"", rollback) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
            if (tier <= 1 && missing.Count > 0)
                throw new RefusedException(RefusalKind.Invalid, $"A Tier {tier} change with a data migration needs {string.Join(", ", missing)}. Nothing was changed.");
            if (idempotent is not (null or "yes" or "no")) throw new RefusedException(RefusalKind.Invalid, $"idempotent:{idempotent} must be yes or no.");
            migration = new DataMigration(idempotent == "yes", budget ?? "not stated", rollback ?? "not stated");
        }
        return new ChangeFields(input.Scope, input.Rollback, input.Metrics, ownerId, input.WindowStart, input.WindowEnd, input.Flag, migration);
    }

    public static int Tier(string? text) => int.TryParse(text, out var tier) ? tier
        : throw new RefusedException(RefusalKind.Invalid, $"tier:{text ?? "…"} is not a number; use tier:0, 1, 2 or 3.");

    private static ChangeInput Input(CommandLine line)
    {
        DateTimeOffset? start = null, end = null;
        if (line.Option("window") is { } window)
        {
            var parts = window.Split("..");
            if (parts.Length != 2 || !Instant(parts[0], out var s) || !Instant(parts[1], out var e))
                throw new RefusedException(RefusalKind.Invalid, $"window:{window} is not a window; write window:2026-11-20T22:00Z..2026-11-21T02:00Z.");
            (start, end) = (s, e);
        }
        return new ChangeInput(line.Option("scope"), line.Option("rollback"), line.Option("metrics"), line.Option("owner"), start, end, line.Option("flag"),
            line.Option("idempotent"), line.Option("lock"), line.Option("migration-rollback"));
    }

    private static ChangeRequest Drill(CommandLine line)
    {
        switch (line.Arguments.FirstOrDefault()?.ToLowerInvariant())
        {
            case "record":
                var result = line.Option("result")?.ToLowerInvariant();
                if (result is not ("passed" or "failed")) throw new RefusedException(RefusalKind.Invalid, $"result:{result ?? "…"} must be passed or failed.");
                return new RecordDrill(line.Option("service") ?? "", result == "passed", CommandValues.Duration(line.Option("time")), line.Option("notes") ?? "");
            case "overdue":
                return new ListOverdueDrills();
            default:
                throw new RefusedException(RefusalKind.Invalid, "Use `/change drill record service:<name> result:passed|failed time:<n>m notes:\"…\"` or `/change drill overdue`.");
        }
    }

    private static bool Instant(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private static string Id(CommandLine line) => line.Arguments.FirstOrDefault() is { } id && ChangeId().IsMatch(id) ? id.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"Which change? Name it like `/change {line.Verb} CHG-3`.");

    [GeneratedRegex("^CHG-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeId();
}
