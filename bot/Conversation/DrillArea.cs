using ExecOps.Cards;
using ExecOps.Workflows;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/drill`: quarterly rollback drills of the Tier 0/1 services, recorded and listed when overdue.</summary>
public sealed class DrillArea(Drills drills) : IChatArea
{
    public CommandArea Area { get; } = new("drill", "quarterly rollback drills of the Tier 0/1 services",
    [
        new("record", "/drill record service:<name> result:passed|failed time:<minutes>m notes:\"…\"", "Record a drill's result and time to roll back."),
        new("overdue", "/drill overdue", "Tier 0/1 services with no drill this quarter.", ReadOnly: true),
    ]);

    public bool IsReadOnly(CommandLine line) => line.Verb == "overdue";

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        switch (line.Verb)
        {
            case "record":
                var result = line.Option("result")?.ToLowerInvariant();
                if (result is not ("passed" or "failed")) throw new RefusedException(RefusalKind.Invalid, $"result:{result ?? "…"} must be passed or failed.");
                var recorded = await drills.RecordAsync(actor, line.Option("service") ?? "", result == "passed", BreakGlassArea.Duration(line.Option("time")), line.Option("notes") ?? "");
                return [Reply.Private($"Drill recorded: {(recorded.Passed ? "passed" : "failed")}, rolled back in {recorded.TimeToRollBack.TotalMinutes:0} min. The next is due in a quarter.")];
            case "overdue":
                var overdue = await drills.OverdueAsync();
                return [Reply.Private(overdue.Count == 0 ? "Every Tier 0/1 service has drilled this quarter."
                    : "Drills overdue:\n" + string.Join("\n", overdue.Select(o => $"• {o.Service}: " + (o.Last is { } l ? $"last drilled {l.At:yyyy-MM-dd} ({(l.Passed ? "passed" : "failed")})" : "never drilled"))))];
            default:
                throw new RefusedException(RefusalKind.Invalid, $"`/drill {line.Verb}` is not a drill command.\n{Area.Help()}");
        }
    }
}
