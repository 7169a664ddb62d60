using System.Globalization;
using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Tasks;

/// <summary>What a person asked of their follow-up tasks, parsed from the command grammar.</summary>
public abstract record TaskRequest;

public sealed record ListMyTasks : TaskRequest;
public sealed record FinishTask(string TaskId) : TaskRequest;
public sealed record ShowTrustLedger(DateOnly Month) : TaskRequest;
public sealed record RecordShipment(string What, Shipment Kind, string Evidence) : TaskRequest;
public sealed record AddTask(string What, string Owner, DateOnly? Due) : TaskRequest;

/// <summary>The `/tasks` grammar: its help text, and the parse from words to a typed request.</summary>
public static class TaskCommands
{
    public static readonly CommandArea Area = new("tasks", "your follow-up tasks from the operating system",
    [
        new("", "/tasks", "Your open follow-up tasks.", ReadOnly: true),
        new("add", "/tasks add \"<what>\" owner:@person [due:YYYY-MM-DD]", "Open a follow-up task for someone by hand; it becomes a ticket like any other."),
        new("done", "/tasks done TASK-n", "Mark one of your tasks done."),
        new("ledger", "/tasks ledger [month:YYYY-MM]", "The trust ledger: the hardening and deletions shipped in a month."),
        new("shipped", "/tasks shipped \"<what>\" kind:hardening|deletion evidence:<link>", "Record an improvement shipped outside a postmortem, for the trust ledger."),
    ]) { RunsBare = true };

    public static bool IsReadOnly(string? verb) => verb is null;

    public static TaskRequest Parse(CommandLine line, DateTimeOffset now) => line.Verb switch
    {
        null => new ListMyTasks(),
        "ledger" => new ShowTrustLedger(Month(line.Option("month"), now)),
        "shipped" => ParseShipment(line),
        "add" => ParseAdd(line),
        "done" => new FinishTask(line.Arguments.FirstOrDefault() ?? throw new RefusedException(RefusalKind.Invalid, "Which task? `/tasks done TASK-3`; `/tasks` lists yours.")),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/tasks {line.Verb}` is not a tasks command.\n{Area.Help()}"),
    };

    private static DateOnly Month(string? text, DateTimeOffset now)
    {
        if (text is null) return new DateOnly(now.Year, now.Month, 1);
        return DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2999 ? month
            : throw new RefusedException(RefusalKind.Invalid, $"month:{text} is not a month; write it like month:2026-11.");
    }

    private static AddTask ParseAdd(CommandLine line)
    {
        var what = string.Join(' ', line.Arguments).Trim();
        var owner = line.Option("owner") ?? line.Mentions.FirstOrDefault();
        var problems = new List<string>();
        if (what.Length is 0 or > 200) problems.Add("say what is to be done, in quotes, in up to 200 characters");
        if (string.IsNullOrWhiteSpace(owner)) problems.Add("owner: must name who does it, e.g. owner:@priya");
        DateOnly? due = null;
        if (line.Option("due") is { } text)
        {
            try { due = CommandValues.Date(text, "due"); }
            catch (RefusedException e) { problems.Add(e.Message.TrimEnd('.')); }
        }
        if (problems.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"No task was opened: {string.Join("; ", problems)}. For example `/tasks add \"Rotate the card-vault keys\" owner:@priya due:2026-12-15`.");
        return new AddTask(what, owner!, due);
    }

    private static RecordShipment ParseShipment(CommandLine line)
    {
        var what = string.Join(' ', line.Arguments).Trim();
        var problems = new List<string>();
        if (what.Length is 0 or > 200) problems.Add("say what shipped, in quotes, in up to 200 characters");
        Shipment? kind = line.Option("kind")?.ToLowerInvariant() switch { "hardening" => Shipment.Hardening, "deletion" => Shipment.Deletion, _ => null };
        if (kind is null) problems.Add("kind: must be hardening or deletion");
        var evidence = line.Option("evidence");
        if (evidence is null || evidence.Length > 500 || !Uri.TryCreate(evidence, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Add("evidence: must be a link to what shows it shipped (the merged change, the retired dashboard)");
        if (problems.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"Nothing was recorded: {string.Join("; ", problems)}. For example `/tasks shipped \"Deleted the v1 export job\" kind:deletion evidence:https://…`.");
        return new RecordShipment(what, kind!.Value, evidence!);
    }
}
