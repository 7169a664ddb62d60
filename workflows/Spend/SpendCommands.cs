using ExecOps.Workflows.Commands;

namespace ExecOps.Workflows.Spend;

/// <summary>The `/spend` grammar: its help text, and the parse from words to a typed request.</summary>
public static class SpendCommands
{
    public static readonly CommandArea Area = new("spend", "cloud and vendor spend by service, team and tenant; untagged spend; expired non-prod",
    [
        new("show", "/spend [days:7]", "Spend in the last days by service and team against the days before, and untagged spend by provider."),
        new("expired", "/spend expired", "Non-prod spend still billed after its expires date, with whose it is."),
        new("budgets", "/spend budgets", "Each budget this month: spent, forecast at the current daily rate, and the alerts reached."),
    ]) { RunsBare = true };

    public static SpendRequest Parse(CommandLine line) => line.Verb switch
    {
        null or "show" => new ShowSpend(line.Option("days") is { } days ? Days(days) : 7),
        "expired" => new ShowExpired(),
        "budgets" => new ShowBudgets(),
        _ => throw new RefusedException(RefusalKind.Invalid, $"`/spend {line.Verb}` is not a spend command.\n{Area.Help()}"),
    };

    private static int Days(string text) => int.TryParse(text, out var days) && days is > 0 and <= 366 ? days
        : throw new RefusedException(RefusalKind.Invalid, $"days:{text} must be a whole number of days from 1 to 366.");
}
